package io.quartermaster.inventory.api.event;

import io.quartermaster.platform.api.event.DomainEvent;
import java.math.BigDecimal;

/**
 * Held units left as a sale, at average cost (value negative: what left the books).
 * Quantity and value are signed (+ in, − out); {@code level} is the stock level after it.
 */
public record StockSold(String sku, String location, int quantity, BigDecimal unitCost, BigDecimal value,
                    String reference, Long movementId, String actor, StockLevelState level) implements DomainEvent {
}
