package io.quartermaster.orders.api.event;

import io.quartermaster.platform.api.event.DomainEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Lines of an order came back: stock on hand again, the amounts refunded. */
public record OrderReturned(UUID orderId, String channel, List<OrderLine> lines, BigDecimal subtotal, BigDecimal tax,
                 BigDecimal total, String currency, Instant at) implements DomainEvent {
}
