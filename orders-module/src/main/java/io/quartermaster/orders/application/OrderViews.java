package io.quartermaster.orders.application;

import io.quartermaster.inventory.api.CartLine;
import io.quartermaster.orders.api.CheckoutView;
import io.quartermaster.orders.api.LineRequest;
import io.quartermaster.orders.api.OrderView;
import io.quartermaster.orders.api.Viewer;
import io.quartermaster.orders.api.event.OrderLine;
import io.quartermaster.orders.api.refusal.CheckoutExpired;
import io.quartermaster.orders.domain.order.Checkout;
import io.quartermaster.orders.domain.order.CustomerOrder;
import io.quartermaster.orders.domain.order.OrderItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Checkouts and orders as the facade answers them, and the refusal of an expired checkout. */
final class OrderViews {

    private OrderViews() {
    }

    static CheckoutView view(Checkout c, Instant now) {
        return new CheckoutView(c.id(), c.visibleStatus(now).name(), c.channel(), c.expiresAt(),
                c.lines().stream().map(l -> new CheckoutView.Line(l.sku(), l.quantity(), l.unitPrice(),
                        l.lineTotal().setScale(2))).toList(),
                c.subtotal(), c.tax(), c.total(), c.currency(), c.customerRef(), c.orderId());
    }

    static OrderView view(CustomerOrder o) {
        return new OrderView(o.id(), o.status().name(), o.channel(),
                o.items().stream().map(i -> new OrderView.Line(i.sku(), i.location(), i.quantity(), i.returnedQuantity(),
                        i.unitPrice(), i.taxRate(), i.unitPrice().multiply(BigDecimal.valueOf(i.quantity())).setScale(2),
                        i.cataloguePrice()))
                        .toList(),
                o.subtotal(), o.tax(), o.total(), o.currency(), o.customerRef(), o.placedAt(), o.checkoutId(),
                o.register());
    }

    static List<OrderLine> eventLines(List<OrderItem> items) {
        return items.stream().map(i -> new OrderLine(i.sku(), i.location(), i.quantity(), i.unitPrice(), i.taxRate(),
                i.unitPrice().multiply(BigDecimal.valueOf(i.quantity())))).toList();
    }

    static CheckoutExpired expired(Checkout c) {
        return expired(c.id(), c.expiresAt());
    }

    static CheckoutExpired expired(java.util.UUID checkoutId, Instant expiresAt) {
        return new CheckoutExpired("the hold of checkout " + checkoutId + " expired at "
                + expiresAt + "; nothing was charged (or the charge was refunded)");
    }

    /** Staff see every order and checkout; a channel only its own. */
    static boolean visible(String owner, Viewer viewer) {
        return viewer.staff() || owner.equals(viewer.owner());
    }

    /** Request lines as cart lines, merged by the one cart rule the inventory applies too. */
    static List<CartLine> merge(List<LineRequest> lines) {
        return CartLine.merge(lines == null ? null : lines.stream()
                .map(l -> l == null ? null : new CartLine(l.sku, l.quantity == null ? 0 : l.quantity))
                .toList());
    }
}
