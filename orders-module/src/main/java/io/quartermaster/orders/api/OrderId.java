package io.quartermaster.orders.api;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of an order. Its text is also the reference of the order's SALE movements (and of
 * the return's movements), so stock and orders are joined on it without a mapping table.
 */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "orderId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
