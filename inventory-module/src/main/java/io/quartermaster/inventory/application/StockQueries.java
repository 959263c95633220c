package io.quartermaster.inventory.application;

import static io.quartermaster.inventory.application.StockRows.index;

import io.quartermaster.inventory.api.InventoryFacade.MovementSort;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.LocationCode;
import io.quartermaster.inventory.api.MovementView;
import io.quartermaster.inventory.api.Page;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.inventory.api.StockView;
import io.quartermaster.inventory.domain.stock.StockLevels;
import io.quartermaster.inventory.domain.stock.StockMovement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What stock there is: levels per location, movements (sorted and paged in the database), sales per day, valuation. */
@ApplicationScoped
class StockQueries {

    @PersistenceContext(unitName = "inventory")
    EntityManager em;

    @Inject
    Catalogue catalogue;

    @Inject
    StockLevels stockLevels;

    @Inject
    Clock clock;

    StockView stock(Sku id) {
        String sku = id.value();
        catalogue.requireProducts(List.of(sku));
        Map<Long, String> codes = catalogue.locationCodes();
        Map<Long, Integer> allotted = new java.util.HashMap<>();
        // Parenthesised: EclipseLink reads "a - b - c" as "a - (b - c)".
        em.createQuery("select a.locationId, sum(a.granted - (a.sold + a.returned)) from Allotment a where a.sku = :sku "
                        + "group by a.locationId", Object[].class)
                .setParameter("sku", sku).getResultStream()
                .forEach(r -> allotted.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue()));
        List<StockView.Level> levels = stockLevels.ofSku(sku).stream()
                .map(l -> new StockView.Level(codes.get(l.locationId()), l.onHand(), l.reserved(), l.available(),
                        l.averageCost(), l.totalValue(), l.version(), allotted.getOrDefault(l.locationId(), 0)))
                .toList();
        return new StockView(sku, levels, levels.stream().mapToInt(StockView.Level::onHand).sum(),
                levels.stream().mapToInt(StockView.Level::reserved).sum(),
                levels.stream().mapToInt(StockView.Level::available).sum());
    }

    int available(Sku sku, List<LocationCode> locations) {
        Number sum = (Number) em.createNativeQuery("select coalesce(sum(s.on_hand - s.reserved), 0) from inventory.stock_level s "
                        + "join inventory.location l on l.id = s.location_id where s.sku = ?1 and l.code = any(?2)")
                .setParameter(1, sku.value())
                .setParameter(2, locations.stream().map(LocationCode::value).toArray(String[]::new))
                .getSingleResult();
        return sum.intValue();
    }

    Page<MovementView> movements(Sku sku, int page, int size) {
        return movements(sku, page, size, MovementSort.WHEN, false);
    }

    Page<MovementView> movements(Sku id, int page, int size, MovementSort sort, boolean ascending) {
        String sku = id.value();
        catalogue.requireProducts(List.of(sku));
        Map<Long, String> codes = catalogue.locationCodes();
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

    int[] dailySales(Sku sku, LocationCode location, int days) {
        java.time.LocalDate today = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        java.time.LocalDate first = today.minusDays(days - 1L);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select (m.occurred_at at time zone 'UTC')::date, -sum(m.quantity) "
                        + "from inventory.stock_movement m join inventory.location l on l.id = m.location_id "
                        + "where m.kind = 'SALE' and m.sku = ?1 and l.code = ?2 and m.occurred_at >= ?3 group by 1")
                .setParameter(1, sku.value()).setParameter(2, location.value())
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

    List<StockView.Valuation> valuation() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select s.sku, p.name, l.code, s.on_hand, s.average_cost, s.total_value "
                + "from inventory.stock_level s join inventory.product p on p.sku = s.sku "
                + "join inventory.location l on l.id = s.location_id where s.on_hand > 0 or s.total_value <> 0 "
                + "order by s.sku, l.code").getResultList();
        return rows.stream().map(r -> new StockView.Valuation((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), (BigDecimal) r[4], (BigDecimal) r[5])).toList();
    }

    Map<String, Map<String, Integer>> unitsSoldByReference() {
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

    static MovementView view(StockMovement m, String location) {
        return new MovementView(m.id(), m.sku(), location, m.kind().name(), m.quantity(), m.unitCost(), m.value(),
                m.reason(), m.reference(), m.actor(), m.occurredAt(), m.stockVersion());
    }
}
