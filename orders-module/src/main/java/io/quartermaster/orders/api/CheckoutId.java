package io.quartermaster.orders.api;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a checkout: a cart held while it is paid for. A one-shot order's checkout id is
 * derived from the caller and its Idempotency-Key, so a retry finds the first try's checkout.
 */
public record CheckoutId(UUID value) {

    public CheckoutId {
        Objects.requireNonNull(value, "checkoutId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
