package io.quartermaster.orders.application;

import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.LocationCode;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.orders.api.RegisterView;
import io.quartermaster.orders.domain.register.Register;
import io.quartermaster.orders.domain.register.RegisterStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a register should hold of a SKU to sell through its offline window (DESIGN.md §9): the
 * location's units sold per day over the last {@link #SALES_DAYS} days, shared among its open
 * registers, times the window, rounded up — at most {@link RegisterView#MAX_SUGGESTED}, like the
 * reorder-point suggestion. Every register answer carries it, a register fleet several a second:
 * each SKU's sales are read at most every {@link #SALES_MEMO_MILLIS} (a scan of 28 days of sales
 * per answer cost a fleet half its rate), and the open registers once per answer.
 */
@ApplicationScoped
class SuggestedTargets {

    /** The days of sales the suggested target looks back over. */
    static final int SALES_DAYS = 28;

    /** How long a SKU's sales over {@link #SALES_DAYS} days are reused: a 28-day rate hardly moves in a minute. */
    static final long SALES_MEMO_MILLIS = 60_000;

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    @Inject
    InventoryFacade inventory;

    /** Units sold per "SKU|location", with when they were read. */
    private final Map<String, long[]> salesMemo = new ConcurrentHashMap<>();

    /** The suggestions of one answer. */
    Rates rates() {
        return new Rates();
    }

    final class Rates {

        private final Map<String, Long> openRegisters = new HashMap<>();

        int suggestedTarget(String sku, Register r) {
            long open = Math.max(1, openRegisters.computeIfAbsent(r.location(), location -> em.createQuery(
                            "select count(r) from Register r where r.location = :location and r.status = :open", Long.class)
                    .setParameter("location", location).setParameter("open", RegisterStatus.OPEN).getSingleResult()));
            double perRegisterPerHour = unitsSold(sku, r.location()) / (double) SALES_DAYS / 24.0 / open;
            return (int) Math.min(RegisterView.MAX_SUGGESTED, Math.ceil(perRegisterPerHour * r.offlineHours()));
        }
    }

    private long unitsSold(String sku, String location) {
        long now = System.currentTimeMillis();
        String key = sku + "|" + location;
        long[] memo = salesMemo.get(key);
        if (memo != null && now - memo[1] < SALES_MEMO_MILLIS) {
            return memo[0];
        }
        long sum = 0;
        for (int day : inventory.dailySales(new Sku(sku), new LocationCode(location), SALES_DAYS)) {
            sum += day;
        }
        if (salesMemo.size() > 100_000) {
            salesMemo.clear(); // a bound, not a policy: the next answers read again
        }
        salesMemo.put(key, new long[] {sum, now});
        return sum;
    }
}
