package io.quartermaster.orders.api.event;

import io.quartermaster.platform.api.event.DomainEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A placed order was cancelled: its stock is back on hand and the payment refunded. */
public record OrderCancelled(UUID orderId, String channel, List<OrderLine> lines, BigDecimal subtotal, BigDecimal tax,
                 BigDecimal total, String currency, Instant at) implements DomainEvent {
}
