package io.quartermaster.inventory.application;

import static io.quartermaster.inventory.application.StockRows.index;
import static io.quartermaster.inventory.application.StockRows.insufficient;
import static io.quartermaster.inventory.application.StockRows.key;
import static io.quartermaster.inventory.application.StockRows.state;

import io.quartermaster.inventory.api.AdjustStock;
import io.quartermaster.inventory.api.CartLine;
import io.quartermaster.inventory.api.ConfirmHold;
import io.quartermaster.inventory.api.CountStock;
import io.quartermaster.inventory.api.HoldCommand;
import io.quartermaster.inventory.api.HoldOutcome;
import io.quartermaster.inventory.api.HoldView;
import io.quartermaster.inventory.api.InventoryFacade.MovementSort;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.LocationView;
import io.quartermaster.inventory.api.MovementView;
import io.quartermaster.inventory.api.Page;
import io.quartermaster.inventory.api.PlaceHold;
import io.quartermaster.inventory.api.ProductView;
import io.quartermaster.inventory.api.PutLocation;
import io.quartermaster.inventory.api.PutProduct;
import io.quartermaster.inventory.api.ReceiveStock;
import io.quartermaster.inventory.api.ReleaseHold;
import io.quartermaster.inventory.api.Saved;
import io.quartermaster.inventory.api.Shortage;
import io.quartermaster.inventory.api.StockCheck;
import io.quartermaster.inventory.api.StockView;
import io.quartermaster.inventory.api.TransferStock;
import io.quartermaster.inventory.api.event.StockAdjusted;
import io.quartermaster.inventory.api.event.StockCounted;
import io.quartermaster.inventory.api.event.StockReceived;
import io.quartermaster.inventory.api.event.StockReturned;
import io.quartermaster.inventory.api.event.StockTransferred;
import io.quartermaster.inventory.api.refusal.BelowReserved;
import io.quartermaster.inventory.api.refusal.ReturnExceedsSale;
import io.quartermaster.inventory.api.refusal.UnknownLocation;
import io.quartermaster.inventory.api.refusal.UnknownSku;
import io.quartermaster.inventory.domain.catalogue.Location;
import io.quartermaster.inventory.domain.catalogue.Product;
import io.quartermaster.inventory.domain.hold.Hold;
import io.quartermaster.inventory.domain.hold.HoldStatus;
import io.quartermaster.inventory.domain.stock.MovementKind;
import io.quartermaster.inventory.domain.stock.StockChange;
import io.quartermaster.inventory.domain.stock.StockLevel;
import io.quartermaster.inventory.domain.stock.StockLevels;
import io.quartermaster.inventory.domain.stock.StockMovement;
import io.quartermaster.platform.api.check.InvariantCheck;
import io.quartermaster.platform.api.event.Outbox;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The inventory use cases. Each stock command follows DESIGN.md §2: one short transaction
 * ({@link Transactions}, which also retries deadlock and serialization failures), a bounded
 * lock wait, the stock rows locked together in (location, SKU) order, checks, changes,
 * movements and outbox events — and nothing remote while a lock is held.
 */
@ApplicationScoped
public class InventoryService implements InventoryFacade {

    @PersistenceContext(unitName = "inventory")
    EntityManager em;

    @Inject
    StockLevels stockLevels;

    @Inject
    Outbox outbox;

    @Inject
    Holds holds;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "qm.stock.lock-timeout", defaultValue = "2s")
    String lockTimeout;

    // ---------------------------------------------------------------- catalogue

    @Override
    public Saved<ProductView> putProduct(String sku, PutProduct request) {
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

    @Override
    public Optional<ProductView> product(String sku) {
        return Optional.ofNullable(em.find(Product.class, sku)).map(InventoryService::view);
    }

    @Override
    public Map<String, ProductView> products(java.util.Collection<String> skus) {
        Map<String, ProductView> found = new HashMap<>();
        if (!skus.isEmpty()) {
            em.createQuery("select p from Product p where p.sku in :skus", Product.class)
                    .setParameter("skus", skus).getResultStream().forEach(p -> found.put(p.sku(), view(p)));
        }
        return found;
    }

    @Override
    public Page<ProductView> products(int page, int size) {
        return products(null, "sku", true, page, size);
    }

    @Override
    public Page<ProductView> products(String text, String sortBy, boolean ascending, int page, int size) {
        String order = switch (sortBy == null ? "sku" : sortBy) {
            case "sku" -> "p.sku";
            case "name" -> "p.name";
            case "price" -> "p.price";
            default -> throw ProblemException.invalidField("sort", "one of sku, name, price");
        } + (ascending ? " asc" : " desc") + ", p.sku";
        String where = text == null || text.isBlank() ? ""
                : " where lower(p.sku) like :text or lower(p.name) like :text";
        var items = em.createQuery("select p from Product p" + where + " order by " + order, Product.class);
        var count = em.createQuery("select count(p) from Product p" + where, Long.class);
        if (!where.isEmpty()) {
            String pattern = "%" + text.trim().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            items.setParameter("text", pattern);
            count.setParameter("text", pattern);
        }
        return new Page<>(items.setFirstResult(page * size).setMaxResults(size)
                .getResultStream().map(InventoryService::view).toList(), page, size, count.getSingleResult());
    }

    @Override
    public Saved<LocationView> putLocation(String code, PutLocation request) {
        if (code == null || !code.matches("^[A-Z0-9][A-Z0-9_-]{0,31}$")) {
            throw ProblemException.invalidField("code", "1 to 32 upper-case letters, digits, '_' or '-'");
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

    @Override
    public List<LocationView> locations() {
        return em.createQuery("select l from Location l order by l.code", Location.class)
                .getResultStream().map(InventoryService::view).toList();
    }

    // ---------------------------------------------------------------- holds

    @Override
    public HoldView placeHold(PlaceHold command) {
        return holds.apply(List.of(command)).get(0).orThrow();
    }

    @Override
    public HoldView confirmHold(UUID holdId, String reference, String actor) {
        return holds.apply(List.of(new ConfirmHold(holdId, reference, actor))).get(0).orThrow();
    }

    @Override
    public HoldView releaseHold(UUID holdId, String actor) {
        return holds.apply(List.of(new ReleaseHold(holdId, actor))).get(0).orThrow();
    }

    @Override
    public List<HoldOutcome> applyHolds(List<? extends HoldCommand> commands) {
        return holds.apply(commands);
    }

    /** Releases up to {@code max} expired holds that no one else holds the lock of, as one batch; how many. */
    public int expireDue(int max) {
        return holds.expireDue(max);
    }

    @Override
    public Optional<HoldView> hold(UUID holdId) {
        return Optional.ofNullable(em.find(Hold.class, holdId)).map(h -> StockRows.view(h, locationCodes()));
    }

    @Override
    public List<HoldView> activeHolds() {
        Map<Long, String> codes = locationCodes();
        return em.createQuery("select h from Hold h where h.status = :active order by h.createdAt", Hold.class)
                .setParameter("active", HoldStatus.ACTIVE)
                .setMaxResults(1000)
                .getResultStream().map(h -> StockRows.view(h, codes)).toList();
    }

    // ---------------------------------------------------------------- stock commands

    @Override
    public MovementView receive(ReceiveStock command, String actor) {
        requirePositive("quantity", command.quantity);
        if (command.unitCost == null || command.unitCost.signum() < 0) {
            throw ProblemException.invalidField("unitCost", "must be zero or more");
        }
        return transactions.inTransaction(() -> {
            requireProducts(List.of(command.sku));
            Location location = requireLocation(command.location, "location");
            StockLevel level = lockOne(location.id(), command.sku);
            Instant now = clock.instant();
            StockChange change = level.receive(command.quantity, command.unitCost, now);
            StockMovement movement = record(level, MovementKind.RECEIPT, change, null, command.reference, actor, now);
            outbox.publish(new StockReceived(command.sku, location.code(), change.quantity(), change.unitCost(),
                    change.value(), command.reference, movement.id(), actor, state(level)));
            return view(movement, location.code());
        });
    }

    @Override
    public MovementView adjust(AdjustStock command, String actor) {
        if (command.quantityDelta == null || command.quantityDelta == 0) {
            throw ProblemException.invalidField("quantityDelta", "must not be zero");
        }
        return transactions.inTransaction(() -> {
            requireProducts(List.of(command.sku));
            Location location = requireLocation(command.location, "location");
            StockLevel level = lockOne(location.id(), command.sku);
            Instant now = clock.instant();
            int delta = command.quantityDelta;
            if (delta < 0 && -delta > level.available()) {
                throw belowReserved(level, -delta);
            }
            StockChange change = delta > 0 ? level.receiveAtAverage(delta, now) : level.issue(-delta, now);
            StockMovement movement = record(level, MovementKind.ADJUSTMENT, change, command.reason, null, actor, now);
            outbox.publish(new StockAdjusted(command.sku, location.code(), change.quantity(), change.unitCost(),
                    change.value(), "adjustment:" + movement.id(), movement.id(), actor, state(level)));
            return view(movement, location.code());
        });
    }

    @Override
    public List<MovementView> transfer(TransferStock command, String actor) {
        requirePositive("quantity", command.quantity);
        if (command.fromLocation != null && command.fromLocation.equals(command.toLocation)) {
            throw ProblemException.invalidField("toLocation", "must differ from fromLocation");
        }
        return transactions.inTransaction(() -> {
            requireProducts(List.of(command.sku));
            Location from = requireLocation(command.fromLocation, "fromLocation");
            Location to = requireLocation(command.toLocation, "toLocation");
            stockLevels.boundLockWait(lockTimeout);
            Map<String, StockLevel> levels = index(stockLevels.lockForUpdate(List.of(from.id(), to.id()), List.of(command.sku)));
            StockLevel source = levels.get(key(from.id(), command.sku));
            StockLevel destination = levels.get(key(to.id(), command.sku));
            if (command.quantity > source.available()) {
                throw insufficient(List.of(new Shortage(command.sku, command.quantity, source.available())));
            }
            Instant now = clock.instant();
            String reference = "transfer:" + UUID.randomUUID();
            StockChange out = source.issue(command.quantity, now);
            StockChange in = destination.receiveValued(command.quantity, out.value().negate(), now);
            StockMovement outMovement = record(source, MovementKind.TRANSFER_OUT, out, "to " + to.code(), reference, actor, now);
            StockMovement inMovement = record(destination, MovementKind.TRANSFER_IN, in, "from " + from.code(), reference, actor, now);
            outbox.publish(new StockTransferred(command.sku, from.code(), out.quantity(), out.unitCost(), out.value(),
                    reference, outMovement.id(), actor, state(source)));
            outbox.publish(new StockTransferred(command.sku, to.code(), in.quantity(), in.unitCost(), in.value(),
                    reference, inMovement.id(), actor, state(destination)));
            return List.of(view(outMovement, from.code()), view(inMovement, to.code()));
        });
    }

    @Override
    public Optional<MovementView> count(CountStock command, String actor) {
        if (command.countedQuantity == null || command.countedQuantity < 0) {
            throw ProblemException.invalidField("countedQuantity", "must be zero or more");
        }
        return transactions.inTransaction(() -> {
            requireProducts(List.of(command.sku));
            Location location = requireLocation(command.location, "location");
            StockLevel level = lockOne(location.id(), command.sku);
            int delta = command.countedQuantity - level.onHand();
            if (delta == 0) {
                return Optional.<MovementView>empty();
            }
            if (command.countedQuantity < level.reserved()) {
                // Held units are promised to buyers: a count below them needs the holds resolved first.
                throw new BelowReserved("counted " + command.countedQuantity + " of "
                        + command.sku + " but " + level.reserved() + " are held for buyers; release or confirm those holds first",
                        Map.of("reserved", level.reserved(), "onHand", level.onHand()));
            }
            Instant now = clock.instant();
            StockChange change = delta > 0 ? level.receiveAtAverage(delta, now) : level.issue(-delta, now);
            String reason = command.reason == null || command.reason.isBlank() ? "stock count" : command.reason;
            StockMovement movement = record(level, MovementKind.COUNT_CORRECTION, change, reason, null, actor, now);
            outbox.publish(new StockCounted(command.sku, location.code(), change.quantity(), change.unitCost(),
                    change.value(), "count:" + movement.id(), movement.id(), actor, state(level)));
            return Optional.of(view(movement, location.code()));
        });
    }

    @Override
    public List<MovementView> returnSold(String saleReference, List<CartLine> lines, String actor) {
        List<CartLine> cart = CartLine.merge(lines);
        return transactions.inTransaction(() -> {
            Map<String, SaleRecord> sales = new LinkedHashMap<>();
            for (CartLine line : cart) {
                SaleRecord sale = saleRecord(saleReference, line.sku());
                if (sale.sold() - sale.returned() < line.quantity()) {
                    throw new ReturnExceedsSale("only " + (sale.sold() - sale.returned())
                            + " of " + line.sku() + " can still be returned for " + saleReference);
                }
                sales.put(line.sku(), sale);
            }
            stockLevels.boundLockWait(lockTimeout);
            Map<String, StockLevel> levels = index(stockLevels.lockForUpdate(
                    sales.values().stream().map(SaleRecord::locationId).toList(), sales.keySet()));
            Map<Long, String> codes = locationCodes();
            Instant now = clock.instant();
            List<MovementView> movements = new ArrayList<>();
            for (CartLine line : cart) {
                SaleRecord sale = sales.get(line.sku());
                int remaining = sale.sold() - sale.returned();
                // The value the sale took out, returned pro rata; the last unit back takes what is left.
                BigDecimal value = line.quantity() == remaining
                        ? sale.value().subtract(sale.returnedValue())
                        : sale.value().multiply(BigDecimal.valueOf(line.quantity()))
                                .divide(BigDecimal.valueOf(sale.sold()), 2, RoundingMode.HALF_EVEN);
                StockLevel level = levels.get(key(sale.locationId(), line.sku()));
                StockChange change = level.receiveValued(line.quantity(), value, now);
                StockMovement movement = record(level, MovementKind.RETURN, change, null, saleReference, actor, now);
                String code = codes.get(sale.locationId());
                outbox.publish(new StockReturned(line.sku(), code, change.quantity(), change.unitCost(), change.value(),
                        saleReference, movement.id(), actor, state(level)));
                movements.add(view(movement, code));
            }
            return movements;
        });
    }

    private record SaleRecord(long locationId, int sold, BigDecimal value, int returned, BigDecimal returnedValue) {
    }

    private SaleRecord saleRecord(String reference, String sku) {
        Object[] row = (Object[]) em.createNativeQuery("select min(location_id), "
                        + "coalesce(-sum(quantity) filter (where kind = 'SALE'), 0), "
                        + "coalesce(-sum(value) filter (where kind = 'SALE'), 0), "
                        + "coalesce(sum(quantity) filter (where kind = 'RETURN'), 0), "
                        + "coalesce(sum(value) filter (where kind = 'RETURN'), 0) "
                        + "from inventory.stock_movement where reference = ?1 and sku = ?2")
                .setParameter(1, reference)
                .setParameter(2, sku)
                .getSingleResult();
        if (row[0] == null) {
            throw ProblemException.notFound("no sale of " + sku + " under " + reference);
        }
        return new SaleRecord(((Number) row[0]).longValue(), ((Number) row[1]).intValue(), (BigDecimal) row[2],
                ((Number) row[3]).intValue(), (BigDecimal) row[4]);
    }

    // ---------------------------------------------------------------- reads

    @Override
    public StockView stock(String sku) {
        requireProducts(List.of(sku));
        Map<Long, String> codes = locationCodes();
        List<StockView.Level> levels = stockLevels.ofSku(sku).stream()
                .map(l -> new StockView.Level(codes.get(l.locationId()), l.onHand(), l.reserved(), l.available(),
                        l.averageCost(), l.totalValue(), l.version()))
                .toList();
        return new StockView(sku, levels, levels.stream().mapToInt(StockView.Level::onHand).sum(),
                levels.stream().mapToInt(StockView.Level::reserved).sum(),
                levels.stream().mapToInt(StockView.Level::available).sum());
    }

    @Override
    public int available(String sku, List<String> locations) {
        Number sum = (Number) em.createNativeQuery("select coalesce(sum(s.on_hand - s.reserved), 0) from inventory.stock_level s "
                        + "join inventory.location l on l.id = s.location_id where s.sku = ?1 and l.code = any(?2)")
                .setParameter(1, sku)
                .setParameter(2, locations.toArray(String[]::new))
                .getSingleResult();
        return sum.intValue();
    }

    @Override
    public Page<MovementView> movements(String sku, int page, int size) {
        return movements(sku, page, size, MovementSort.WHEN, false);
    }

    @Override
    public Page<MovementView> movements(String sku, int page, int size, MovementSort sort, boolean ascending) {
        requireProducts(List.of(sku));
        Map<Long, String> codes = locationCodes();
        String column = switch (sort == null ? MovementSort.WHEN : sort) {
            case WHEN -> "m.id";
            case KIND -> "m.kind";
            case QUANTITY -> "m.quantity";
            case VALUE -> "m.value";
            case ACTOR -> "m.actor";
        };
        String order = column + (ascending ? " asc" : " desc") + (column.equals("m.id") ? "" : ", m.id desc");
        List<MovementView> items = em.createQuery("select m from StockMovement m where m.sku = :sku order by " + order,
                        StockMovement.class)
                .setParameter("sku", sku)
                .setFirstResult(page * size).setMaxResults(size)
                .getResultStream().map(m -> view(m, codes.get(m.locationId()))).toList();
        long total = em.createQuery("select count(m) from StockMovement m where m.sku = :sku", Long.class)
                .setParameter("sku", sku).getSingleResult();
        return new Page<>(items, page, size, total);
    }

    @Override
    public int[] dailySales(String sku, String location, int days) {
        java.time.LocalDate today = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        java.time.LocalDate first = today.minusDays(days - 1L);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select (m.occurred_at at time zone 'UTC')::date, -sum(m.quantity) "
                        + "from inventory.stock_movement m join inventory.location l on l.id = m.location_id "
                        + "where m.kind = 'SALE' and m.sku = ?1 and l.code = ?2 and m.occurred_at >= ?3 group by 1")
                .setParameter(1, sku).setParameter(2, location)
                .setParameter(3, java.sql.Timestamp.from(first.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))
                .getResultList();
        int[] sales = new int[days];
        for (Object[] row : rows) {
            java.time.LocalDate day = ((java.sql.Date) row[0]).toLocalDate();
            int index = (int) java.time.temporal.ChronoUnit.DAYS.between(first, day);
            if (index >= 0 && index < days) {
                sales[index] = ((Number) row[1]).intValue();
            }
        }
        return sales;
    }

    @Override
    public List<StockView.Valuation> valuation() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select s.sku, p.name, l.code, s.on_hand, s.average_cost, s.total_value "
                + "from inventory.stock_level s join inventory.product p on p.sku = s.sku "
                + "join inventory.location l on l.id = s.location_id where s.on_hand > 0 or s.total_value <> 0 "
                + "order by s.sku, l.code").getResultList();
        return rows.stream().map(r -> new StockView.Valuation((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), (BigDecimal) r[4], (BigDecimal) r[5])).toList();
    }

    @Override
    public StockCheck check() {
        List<StockCheck.Violation> violations = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select s.sku, l.code, s.on_hand, s.reserved, s.total_value,
                       coalesce((select sum(m.quantity) from inventory.stock_movement m
                                  where m.sku = s.sku and m.location_id = s.location_id), 0) as moved,
                       coalesce((select sum(m.value) from inventory.stock_movement m
                                  where m.sku = s.sku and m.location_id = s.location_id), 0) as moved_value,
                       coalesce((select sum(hl.quantity) from inventory.hold_line hl join inventory.hold h on h.id = hl.hold_id
                                  where h.status = 'ACTIVE' and hl.sku = s.sku and hl.location_id = s.location_id), 0) as held
                  from inventory.stock_level s join inventory.location l on l.id = s.location_id
                 order by s.sku, l.code""").getResultList();
        for (Object[] row : rows) {
            String sku = (String) row[0];
            String location = (String) row[1];
            int onHand = ((Number) row[2]).intValue();
            int reserved = ((Number) row[3]).intValue();
            BigDecimal value = (BigDecimal) row[4];
            long moved = ((Number) row[5]).longValue();
            BigDecimal movedValue = (BigDecimal) row[6];
            long held = ((Number) row[7]).longValue();
            if (onHand != moved) {
                violations.add(new StockCheck.Violation("on_hand = sum of movements", sku, location,
                        "on hand " + onHand + ", movements sum to " + moved));
            }
            if (reserved < 0 || reserved > onHand) {
                violations.add(new StockCheck.Violation("0 <= reserved <= on_hand", sku, location,
                        "reserved " + reserved + ", on hand " + onHand));
            }
            if (reserved != held) {
                violations.add(new StockCheck.Violation("reserved = sum of active holds", sku, location,
                        "reserved " + reserved + ", active holds " + held));
            }
            if (value.compareTo(movedValue) != 0) {
                violations.add(new StockCheck.Violation("stock value = sum of movement values", sku, location,
                        "value " + value + ", movements sum to " + movedValue));
            }
            if (onHand == 0 && value.signum() != 0) {
                violations.add(new StockCheck.Violation("no value without stock", sku, location, "value " + value));
            }
        }
        return new StockCheck(rows.size(), violations);
    }

    /** The rules {@link #check()} verifies, in the order the checker lists them. */
    static final List<String> STOCK_RULES = List.of("on_hand = sum of movements", "0 <= reserved <= on_hand",
            "reserved = sum of active holds", "stock value = sum of movement values", "no value without stock");

    @Override
    public List<InvariantCheck> invariants() {
        StockCheck stock = check();
        List<InvariantCheck> checks = new ArrayList<>();
        for (String rule : STOCK_RULES) {
            List<InvariantCheck.Violation> broken = stock.violations().stream()
                    .filter(v -> v.rule().equals(rule))
                    .map(v -> new InvariantCheck.Violation(v.detail(), Map.of("sku", v.sku(), "location", v.location())))
                    .toList();
            checks.add(new InvariantCheck("inventory", rule, stock.levelsChecked(), broken));
        }
        return checks;
    }

    @Override
    public Map<String, Map<String, Integer>> unitsSoldByReference() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select reference, sku, -sum(quantity) from inventory.stock_movement "
                + "where kind = 'SALE' group by reference, sku").getResultList();
        Map<String, Map<String, Integer>> sold = new HashMap<>();
        for (Object[] row : rows) {
            sold.computeIfAbsent(row[0] == null ? "" : (String) row[0], r -> new HashMap<>())
                    .put((String) row[1], ((Number) row[2]).intValue());
        }
        return sold;
    }

    // ---------------------------------------------------------------- helpers

    private StockLevel lockOne(long locationId, String sku) {
        stockLevels.boundLockWait(lockTimeout);
        return stockLevels.lockForUpdate(List.of(locationId), List.of(sku)).get(0);
    }

    private StockMovement record(StockLevel level, MovementKind kind, StockChange change, String reason, String reference,
                                 String actor, Instant at) {
        StockMovement movement = new StockMovement(level, kind, change, reason, reference, actor, at);
        em.persist(movement); // its id (from the sequence) goes into the event
        return movement;
    }

    private void requireProducts(List<String> skus) {
        List<String> known = em.createQuery("select p.sku from Product p where p.sku in :skus", String.class)
                .setParameter("skus", skus).getResultList();
        List<String> unknown = skus.stream().filter(s -> !known.contains(s)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownSku("no product " + String.join(", ", unknown),
                    Map.of("skus", unknown));
        }
    }

    private Location requireLocation(String code, String field) {
        if (code == null || code.isBlank()) {
            throw ProblemException.invalidField(field, "must not be blank");
        }
        return findLocation(code).orElseThrow(() -> new UnknownLocation("no location " + code, Map.of("field", field)));
    }

    private Optional<Location> findLocation(String code) {
        return em.createQuery("select l from Location l where l.code = :code", Location.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    private Map<Long, String> locationCodes() {
        Map<Long, String> codes = new HashMap<>();
        em.createQuery("select l from Location l", Location.class).getResultStream().forEach(l -> codes.put(l.id(), l.code()));
        return codes;
    }

    private static void requirePositive(String field, Integer quantity) {
        if (quantity == null || quantity <= 0) {
            throw ProblemException.invalidField(field, "must be greater than 0");
        }
    }

    private static void requireSkuFormat(String sku) {
        if (sku == null || !sku.matches("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")) {
            throw ProblemException.invalidField("sku", "1 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    private static ProblemException belowReserved(StockLevel level, int take) {
        return new BelowReserved("cannot remove " + take + " of " + level.sku() + ": "
                + level.onHand() + " on hand of which " + level.reserved() + " are held for buyers",
                Map.of("onHand", level.onHand(), "reserved", level.reserved(), "available", level.available()));
    }

    private static ProductView view(Product p) {
        return new ProductView(p.sku(), p.name(), p.price(), p.taxRate(), p.active());
    }

    private static LocationView view(Location l) {
        return new LocationView(l.code(), l.name());
    }

    private static MovementView view(StockMovement m, String location) {
        return new MovementView(m.id(), m.sku(), location, m.kind().name(), m.quantity(), m.unitCost(), m.value(),
                m.reason(), m.reference(), m.actor(), m.occurredAt(), m.stockVersion());
    }
}
