package io.quartermaster.inventory.api.event;

import io.quartermaster.platform.api.event.DomainEvent;
import java.math.BigDecimal;

/**
 * One side of a transfer between locations: negative at the source, positive at the destination, at the source's average cost.
 * Quantity and value are signed (+ in, − out); {@code level} is the stock level after it.
 */
public record StockTransferred(String sku, String location, int quantity, BigDecimal unitCost, BigDecimal value,
                    String reference, Long movementId, String actor, StockLevelState level) implements DomainEvent {
}
