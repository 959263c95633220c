package io.quartermaster.orders.application;

import io.quartermaster.orders.api.OrderHistory;
import io.quartermaster.orders.api.OrderHistory.Entry;
import io.quartermaster.orders.api.OrderHistory.What;
import io.quartermaster.orders.domain.order.CustomerOrder;
import io.quartermaster.orders.domain.payment.Payment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An order's history as the back office shows it, read from the order and its payments: placed (by
 * which client, through which channel), paid, declined, and every cancel or return with the user who
 * asked, the units that came back, the reason given and the money refunded.
 */
@ApplicationScoped
class OrderTimeline {

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    OrderHistory of(CustomerOrder order) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(order.placedAt(), What.PLACED, order.owner(), order.total(), order.currency(),
                "through " + order.channel()));
        @SuppressWarnings("unchecked")
        List<Object[]> payments = em.createNativeQuery("""
                        select kind, amount, currency, gateway_ref, detail, actor, reason, created_at
                        from orders.payment where checkout_id = ? order by created_at, id""")
                .setParameter(1, order.checkoutId()).getResultList();
        for (Object[] p : payments) {
            String kind = (String) p[0];
            BigDecimal amount = (BigDecimal) p[1];
            String currency = (String) p[2];
            String detail = (String) p[4];
            java.time.Instant at = ((Timestamp) p[7]).toInstant();
            if (Payment.CAPTURE.equals(kind)) {
                entries.add(new Entry(at, What.PAID, null, amount, currency, "payment " + p[3]));
            } else if (Payment.DECLINE.equals(kind)) {
                entries.add(new Entry(at, What.PAYMENT_DECLINED, null, amount, currency, detail));
            } else {
                What what = detail == null ? What.REFUNDED
                        : detail.startsWith(Payment.CANCELLED) ? What.CANCELLED
                        : detail.startsWith(Payment.RETURNED) ? What.RETURNED
                        : What.REFUNDED;
                String said = p[6] == null ? detail : detail + " — “" + p[6] + "”";
                entries.add(new Entry(at, what, (String) p[5], amount, currency, said));
            }
        }
        entries.sort(Comparator.comparing(Entry::at));
        return new OrderHistory(entries);
    }
}
