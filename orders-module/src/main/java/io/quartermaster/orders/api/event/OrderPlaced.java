package io.quartermaster.orders.api.event;

import io.quartermaster.platform.api.event.DomainEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order was placed: stock sold, payment captured. Totals are rounded once, tax-exclusive prices.
 * A register's sale (DESIGN.md §9) names its {@code register}, and {@code at} is when the register
 * sold it; {@code owed}: its card was declined when the sale reached the server, so the customer
 * owes the total (the goods are gone).
 */
public record OrderPlaced(UUID orderId, String channel, List<OrderLine> lines, BigDecimal subtotal, BigDecimal tax,
                 BigDecimal total, String currency, Instant at, String register, boolean owed) implements DomainEvent {
}
