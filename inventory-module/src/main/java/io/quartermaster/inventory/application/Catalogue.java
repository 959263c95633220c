package io.quartermaster.inventory.application;

import io.quartermaster.inventory.api.LocationCode;
import io.quartermaster.inventory.api.LocationView;
import io.quartermaster.inventory.api.Page;
import io.quartermaster.inventory.api.ProductView;
import io.quartermaster.inventory.api.PutLocation;
import io.quartermaster.inventory.api.PutProduct;
import io.quartermaster.inventory.api.Saved;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.inventory.api.refusal.UnknownLocation;
import io.quartermaster.inventory.api.refusal.UnknownSku;
import io.quartermaster.inventory.domain.catalogue.Location;
import io.quartermaster.inventory.domain.catalogue.Product;
import io.quartermaster.platform.api.persistence.LikePatterns;
import io.quartermaster.platform.api.problem.InvalidField;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue: products (SKU, name, price, tax rate, whether it is sold) and locations, and the
 * lookups every other inventory use case makes of them.
 */
@ApplicationScoped
class Catalogue {

    @PersistenceContext(unitName = "inventory")
    EntityManager em;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    Saved<ProductView> putProduct(Sku id, PutProduct request) {
        String sku = id.value();
        requireSkuFormat(sku);
        return transactions.inTransaction(() -> {
            Product product = em.find(Product.class, sku);
            boolean active = request.active == null || request.active;
            if (product == null) {
                product = new Product(sku, request.name, request.price, request.taxRate, active, clock.instant());
                em.persist(product);
                return new Saved<>(view(product), true);
            }
            product.update(request.name, request.price, request.taxRate == null ? product.taxRate() : request.taxRate,
                    request.active == null ? product.active() : request.active, clock.instant());
            return new Saved<>(view(product), false);
        });
    }

    Optional<ProductView> product(Sku sku) {
        return Optional.ofNullable(em.find(Product.class, sku.value())).map(Catalogue::view);
    }

    Map<Sku, ProductView> products(Collection<Sku> skus) {
        Map<Sku, ProductView> found = new HashMap<>();
        if (!skus.isEmpty()) {
            em.createQuery("select p from Product p where p.sku in :skus", Product.class)
                    .setParameter("skus", skus.stream().map(Sku::value).toList())
                    .getResultStream().forEach(p -> found.put(new Sku(p.sku()), view(p)));
        }
        return found;
    }

    Page<ProductView> products(int page, int size) {
        return products(null, "sku", true, page, size);
    }

    Page<ProductView> products(String text, String sortBy, boolean ascending, int page, int size) {
        String order = switch (sortBy == null ? "sku" : sortBy) {
            case "sku" -> "p.sku";
            case "name" -> "p.name";
            case "price" -> "p.price";
            default -> throw new InvalidField("sort", "one of sku, name, price");
        } + (ascending ? " asc" : " desc") + ", p.sku";
        String where = text == null || text.isBlank() ? ""
                : " where lower(p.sku) like :text or lower(p.name) like :text";
        var items = em.createQuery("select p from Product p" + where + " order by " + order, Product.class);
        var count = em.createQuery("select count(p) from Product p" + where, Long.class);
        if (!where.isEmpty()) {
            String pattern = LikePatterns.containing(text.trim().toLowerCase(java.util.Locale.ROOT));
            items.setParameter("text", pattern);
            count.setParameter("text", pattern);
        }
        return new Page<>(items.setFirstResult(page * size).setMaxResults(size)
                .getResultStream().map(Catalogue::view).toList(), page, size, count.getSingleResult());
    }

    Saved<LocationView> putLocation(LocationCode id, PutLocation request) {
        String code = id.value();
        if (!code.matches("^[A-Z0-9][A-Z0-9_-]{0,31}$")) {
            throw new InvalidField("code", "1 to 32 upper-case letters, digits, '_' or '-'");
        }
        return transactions.inTransaction(() -> {
            Optional<Location> existing = findLocation(code);
            if (existing.isPresent()) {
                existing.get().rename(request.name);
                return new Saved<>(view(existing.get()), false);
            }
            Location location = new Location(code, request.name, clock.instant());
            em.persist(location);
            return new Saved<>(view(location), true);
        });
    }

    List<LocationView> locations() {
        return em.createQuery("select l from Location l order by l.code", Location.class)
                .getResultStream().map(Catalogue::view).toList();
    }

    void requireProducts(List<String> skus) {
        List<String> known = em.createQuery("select p.sku from Product p where p.sku in :skus", String.class)
                .setParameter("skus", skus).getResultList();
        List<String> unknown = skus.stream().filter(s -> !known.contains(s)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownSku("no product " + String.join(", ", unknown),
                    Map.of("skus", unknown));
        }
    }

    Location requireLocation(String code, String field) {
        if (code == null || code.isBlank()) {
            throw new InvalidField(field, "must not be blank");
        }
        return findLocation(code).orElseThrow(() -> new UnknownLocation("no location " + code, Map.of("field", field)));
    }

    Optional<Location> findLocation(String code) {
        return em.createQuery("select l from Location l where l.code = :code", Location.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    Map<Long, String> locationCodes() {
        Map<Long, String> codes = new HashMap<>();
        em.createQuery("select l from Location l", Location.class).getResultStream().forEach(l -> codes.put(l.id(), l.code()));
        return codes;
    }

    static void requireSkuFormat(String sku) {
        if (sku == null || !sku.matches("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")) {
            throw new InvalidField("sku", "1 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    static ProductView view(Product p) {
        return new ProductView(p.sku(), p.name(), p.price(), p.taxRate(), p.active());
    }

    static LocationView view(Location l) {
        return new LocationView(l.code(), l.name());
    }
}
