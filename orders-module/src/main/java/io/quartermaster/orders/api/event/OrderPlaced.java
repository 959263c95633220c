package io.quartermaster.orders.api.event;

import io.quartermaster.platform.api.event.DomainEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order was placed: stock sold, payment captured. Totals are rounded once, tax-exclusive prices. */
public record OrderPlaced(UUID orderId, String channel, List<OrderLine> lines, BigDecimal subtotal, BigDecimal tax,
                 BigDecimal total, String currency, Instant at) implements DomainEvent {
}
