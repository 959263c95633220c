package io.quartermaster.orders.application;

import io.quartermaster.orders.api.event.OrderPlaced;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.platform.api.check.InvariantCheck;
import io.quartermaster.platform.api.event.EventLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The orders module's part of the invariant checker: every order sold exactly its lines
 * (SALE movements under the order's id, per SKU), every SALE movement belongs to an order,
 * and every order still inside the outbox's retention has its {@code OrderPlaced} event.
 * Runs in the caller's transaction (the checker's read-only snapshot).
 */
@ApplicationScoped
public class OrderInvariants {

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    @Inject
    InventoryFacade inventory;

    @Inject
    EventLog events;

    public List<InvariantCheck> run() {
        Map<String, Map<String, Integer>> ordered = orderedUnits();
        Map<String, Map<String, Integer>> sold = inventory.unitsSoldByReference();
        return List.of(salesMatchOrders(ordered, sold), salesHaveOrders(ordered, sold), ordersHaveEvents(),
                registerSalesAreOrders());
    }

    private Map<String, Map<String, Integer>> orderedUnits() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select order_id::text, sku, sum(quantity) from orders.order_line "
                + "group by order_id, sku").getResultList();
        Map<String, Map<String, Integer>> ordered = new HashMap<>();
        for (Object[] row : rows) {
            ordered.computeIfAbsent((String) row[0], o -> new HashMap<>()).put((String) row[1], ((Number) row[2]).intValue());
        }
        return ordered;
    }

    private static InvariantCheck salesMatchOrders(Map<String, Map<String, Integer>> ordered,
                                                   Map<String, Map<String, Integer>> sold) {
        List<InvariantCheck.Violation> violations = new ArrayList<>();
        ordered.forEach((order, lines) -> {
            Map<String, Integer> movements = sold.getOrDefault(order, Map.of());
            if (!movements.equals(lines)) {
                Map<String, Object> rows = new LinkedHashMap<>();
                rows.put("orderId", order);
                rows.put("orderLines", lines);
                rows.put("saleMovements", movements);
                violations.add(new InvariantCheck.Violation(movements.isEmpty()
                        ? "order without SALE movements" : "SALE movements differ from the order's lines", rows));
            }
        });
        return new InvariantCheck("orders", "every order has SALE movements equal to its lines", ordered.size(), violations);
    }

    private static InvariantCheck salesHaveOrders(Map<String, Map<String, Integer>> ordered,
                                                  Map<String, Map<String, Integer>> sold) {
        List<InvariantCheck.Violation> violations = new ArrayList<>();
        sold.forEach((reference, movements) -> {
            if (!ordered.containsKey(reference)) {
                violations.add(new InvariantCheck.Violation("SALE movements without an order",
                        Map.of("reference", reference, "saleMovements", movements)));
            }
        });
        return new InvariantCheck("orders", "every SALE movement belongs to an order", sold.size(), violations);
    }

    /**
     * DESIGN.md §9: a register's recorded sale is exactly one order of that register, and a register's
     * order is exactly one recorded sale (a REFUSED sale has none) — each sale counted once.
     */
    private InvariantCheck registerSalesAreOrders() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select coalesce(s.register_code, o.register), s.seq, o.id::text "
                        + "from (select * from orders.register_sale where status = 'RECORDED') s "
                        + "full join (select * from orders.customer_order where register is not null) o "
                        + "on o.id = s.order_id and o.register = s.register_code "
                        + "where s.order_id is null or o.id is null limit 100").getResultList();
        long checked = ((Number) em.createNativeQuery("select count(*) from orders.register_sale").getSingleResult()).longValue();
        List<InvariantCheck.Violation> violations = rows.stream().map(r -> {
            Map<String, Object> at = new LinkedHashMap<>();
            at.put("register", r[0]);
            at.put("seq", r[1]);
            at.put("orderId", r[2]);
            return new InvariantCheck.Violation(r[2] == null ? "recorded register sale without its order"
                    : "register order without its recorded sale", at);
        }).toList();
        return new InvariantCheck("orders", "every recorded register sale is one order of its register, and the reverse",
                checked, violations);
    }

    /**
     * The orders placed within the outbox's retention against the OrderPlaced events it keeps:
     * the events read a page at a time into a set of order ids (16 bytes of UUID each, not the
     * events), the orders a page at a time, so the check's memory does not grow with the events.
     */
    private InvariantCheck ordersHaveEvents() {
        Instant since = events.retainedSince();
        if (since == null) {
            return new InvariantCheck("orders", "every order in the outbox's retention has its OrderPlaced event", 0, List.of());
        }
        Set<java.util.UUID> announced = new HashSet<>();
        events.forEachStored(List.of(OrderPlaced.class.getSimpleName()), page -> page.forEach(event -> {
            String orderId = event.payloadObject().getString("orderId", null);
            if (orderId != null) {
                announced.add(java.util.UUID.fromString(orderId));
            }
        }));
        List<InvariantCheck.Violation> violations = new ArrayList<>();
        long checked = 0;
        String after = "00000000-0000-0000-0000-000000000000";
        while (true) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id::text, placed_at from orders.customer_order "
                            + "where placed_at >= ?1 and id > cast(?2 as uuid) order by id limit " + EventLog.PAGE)
                    .setParameter(1, Timestamp.from(since))
                    .setParameter(2, after)
                    .getResultList();
            for (Object[] row : rows) {
                if (!announced.contains(java.util.UUID.fromString((String) row[0])) && violations.size() < 100) {
                    violations.add(new InvariantCheck.Violation("order without its OrderPlaced event",
                            Map.of("orderId", row[0], "placedAt", ((Timestamp) row[1]).toInstant().toString())));
                }
            }
            checked += rows.size();
            if (rows.size() < EventLog.PAGE) {
                break;
            }
            after = (String) rows.get(rows.size() - 1)[0];
        }
        return new InvariantCheck("orders", "every order in the outbox's retention has its OrderPlaced event",
                checked, violations);
    }
}
