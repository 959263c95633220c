package io.quartermaster.orders.application;

import io.quartermaster.orders.domain.order.CheckoutStatus;
import java.util.UUID;

/** The answer to a {@link StockRequest.HoldCart} whose checkout an earlier attempt (same key) created. */
public record ExistingCheckout(UUID id, CheckoutStatus status, UUID orderId) {
}
