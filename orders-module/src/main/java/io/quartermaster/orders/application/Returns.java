package io.quartermaster.orders.application;

import static io.quartermaster.orders.application.OrderViews.view;

import io.quartermaster.inventory.api.CartLine;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.orders.api.OrderId;
import io.quartermaster.orders.api.OrderView;
import io.quartermaster.orders.api.ReturnRequest;
import io.quartermaster.orders.api.Viewer;
import io.quartermaster.orders.api.event.OrderCancelled;
import io.quartermaster.orders.api.event.OrderLine;
import io.quartermaster.orders.api.event.OrderReturned;
import io.quartermaster.orders.api.refusal.WrongOrderState;
import io.quartermaster.orders.domain.order.CustomerOrder;
import io.quartermaster.orders.domain.order.OrderRefusal;
import io.quartermaster.orders.domain.payment.Payment;
import io.quartermaster.orders.domain.payment.PaymentGateway;
import io.quartermaster.platform.api.Money;
import io.quartermaster.platform.api.event.Outbox;
import io.quartermaster.platform.api.problem.NotFound;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Money and units back: cancelling an order (everything not yet returned) or taking some of its units
 * back, with the reason kept in its history. Stock comes back through RETURN movements in the same
 * transaction as the order's change, its event and the refund record; the refund itself leaves after
 * the commit, so it never goes out for a return that rolled back.
 */
@ApplicationScoped
class Returns {

    private static final Logger LOG = Logger.getLogger(Returns.class.getName());

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    @Inject
    InventoryFacade inventory;

    @Inject
    PaymentGateway gateway;

    @Inject
    Outbox outbox;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    OrderView cancel(OrderId id, Viewer viewer) {
        return giveBack(id.value(), viewer, null, null);
    }

    OrderView returnLines(OrderId id, ReturnRequest request, Viewer viewer) {
        String reason = request.reason == null || request.reason.isBlank() ? null : request.reason.strip();
        return giveBack(id.value(), viewer, OrderViews.merge(request.lines), reason);
    }

    /** Cancel (lines null) or return: stock back through RETURN movements, money back through the gateway. */
    private OrderView giveBack(UUID id, Viewer viewer, List<CartLine> lines, String reason) {
        record Outcome(OrderView order, String captureRef, Money amount) {
        }
        Outcome outcome = transactions.inTransaction(() -> {
            CustomerOrder order = Optional.ofNullable(em.find(CustomerOrder.class, id, LockModeType.PESSIMISTIC_WRITE))
                    .filter(o -> OrderViews.visible(o.owner(), viewer))
                    .orElseThrow(() -> new NotFound("no order " + id));
            Instant now = clock.instant();
            CustomerOrder.Refund refund;
            try {
                if (lines == null) {
                    refund = order.cancel(now);
                } else {
                    Map<String, Integer> quantities = new LinkedHashMap<>();
                    lines.forEach(l -> quantities.put(l.sku(), l.quantity()));
                    refund = order.returnItems(quantities, now);
                }
            } catch (OrderRefusal e) {
                throw new WrongOrderState(e.getMessage(), Map.of("orderStatus", order.status().name()));
            }
            Map<String, Integer> back = new LinkedHashMap<>();
            refund.items().forEach(i -> back.merge(i.sku(), i.quantity(), Integer::sum));
            if (!back.isEmpty()) {
                inventory.returnSold(id.toString(), back.entrySet().stream()
                        .map(e -> new CartLine(e.getKey(), e.getValue())).toList(), viewer.actor());
            }
            List<OrderLine> eventLines = refund.items().stream()
                    .map(i -> new OrderLine(i.sku(), i.location(), i.quantity(), i.unitPrice(), i.taxRate(),
                            i.priced().lineTotal()))
                    .toList();
            var totals = refund.totals();
            if (lines == null) {
                outbox.publish(new OrderCancelled(id, order.channel(), eventLines, totals.subtotal().amount(),
                        totals.tax().amount(), totals.total().amount(), order.currency(), now));
            } else {
                outbox.publish(new OrderReturned(id, order.channel(), eventLines, totals.subtotal().amount(),
                        totals.tax().amount(), totals.total().amount(), order.currency(), now));
            }
            String units = refund.items().stream().map(i -> i.quantity() + " × " + i.sku() + " to " + i.location())
                    .collect(java.util.stream.Collectors.joining(", "));
            em.persist(Payment.refund(order.checkoutId(), totals.total().amount(), order.currency(), order.paymentRef(),
                    (lines == null ? Payment.CANCELLED : Payment.RETURNED) + ": " + units, viewer.actor(), reason, now));
            return new Outcome(view(order), order.paymentRef(), totals.total());
        });
        // The refund leaves after the commit: a refund must never go out for a return that rolled back.
        // A register's cash sale (or a declined card the customer still owes) is settled at the counter.
        if (outcome.captureRef().startsWith("cash:") || outcome.captureRef().startsWith("declined:")) {
            return outcome.order();
        }
        try {
            gateway.refund(outcome.captureRef(), outcome.amount(), "order " + id);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Refund of " + outcome.amount() + " for order " + id + " failed; recorded for retry", e);
        }
        return outcome.order();
    }
}
