package io.quartermaster.orders.domain.order;

/** An order change that the order's state does not allow (cancel twice, return more than sold). */
public class OrderRefusal extends RuntimeException {

    public OrderRefusal(String message) {
        super(message);
    }
}
