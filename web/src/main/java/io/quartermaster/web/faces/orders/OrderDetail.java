package io.quartermaster.web.faces.orders;

import io.quartermaster.orders.api.LineRequest;
import io.quartermaster.orders.api.OrderFacade;
import io.quartermaster.orders.api.OrderHistory;
import io.quartermaster.orders.api.OrderId;
import io.quartermaster.orders.api.OrderView;
import io.quartermaster.orders.api.ReturnRequest;
import io.quartermaster.web.faces.Feedback;
import io.quartermaster.web.security.Callers;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One order: its lines, and cancelling it or taking some of its units back. */
@Named
@ViewScoped
public class OrderDetail implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OrderFacade orders;

    @Inject
    transient Callers callers;

    private String id;
    private OrderView order;
    private OrderHistory history;
    /** Why the units come back, as typed into the return form (kept in the order's history). */
    private String reason;
    /** Units to take back per SKU, as typed into the return form. */
    private final Map<String, Integer> returning = new HashMap<>();

    public void load() {
        order = null;
        UUID uuid;
        try {
            uuid = UUID.fromString(id == null ? "" : id.trim());
        } catch (IllegalArgumentException e) {
            Feedback.error(null, null, "That is not an order number.");
            return;
        }
        order = orders.order(new OrderId(uuid), callers.viewer()).orElse(null);
        if (order == null) {
            Feedback.error(null, null, "There is no order " + id + ".");
            return;
        }
        history = orders.history(new OrderId(uuid), callers.viewer()).orElse(null);
    }

    private void reloadHistory() {
        history = orders.history(new OrderId(order.id()), callers.viewer()).orElse(null);
    }

    public void cancel() {
        Feedback.attempt("actions", () -> orders.cancel(new OrderId(order.id()), callers.viewer()),
                "Order cancelled: its units are back in stock and the payment is being refunded.")
                .ifPresent(o -> {
                    order = o;
                    reloadHistory();
                });
    }

    public void returnUnits() {
        List<LineRequest> lines = new ArrayList<>();
        returning.forEach((sku, quantity) -> {
            if (quantity != null && quantity > 0) {
                lines.add(new LineRequest(sku, quantity));
            }
        });
        if (lines.isEmpty()) {
            Feedback.error("returns", null, "Enter how many units of at least one line come back.");
            return;
        }
        Feedback.attempt("returns", () -> orders.returnLines(new OrderId(order.id()), Feedback.valid(new ReturnRequest(lines, reason)),
                        callers.viewer()),
                "Return recorded: the units are back in stock and the money is being refunded.")
                .ifPresent(o -> {
                    order = o;
                    returning.clear();
                    reason = null;
                    reloadHistory();
                });
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public OrderView getOrder() {
        return order;
    }

    public OrderHistory getHistory() {
        return history;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    /** A history entry's name as people say it: "Placed", "Payment declined". */
    public String said(OrderHistory.What what) {
        String words = what.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public Map<String, Integer> getReturning() {
        return returning;
    }
}
