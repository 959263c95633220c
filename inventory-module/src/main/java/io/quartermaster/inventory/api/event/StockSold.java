package io.quartermaster.inventory.api.event;

import io.quartermaster.platform.api.event.DomainEvent;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Held units left as a sale, at average cost (value negative: what left the books).
 * Quantity and value are signed (+ in, − out); {@code level} is the stock level after it.
 * {@code soldAt}: when a register sold the units, offline perhaps (DESIGN.md §9); null for a sale
 * made when it was recorded.
 */
public record StockSold(String sku, String location, int quantity, BigDecimal unitCost, BigDecimal value,
                    String reference, Long movementId, String actor, StockLevelState level,
                    Instant soldAt) implements DomainEvent {
}
