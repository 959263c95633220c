package io.quartermaster.inventory.api.event;

import io.quartermaster.platform.api.event.DomainEvent;
import java.math.BigDecimal;

/**
 * Sold units came back, at the cost their sale left at.
 * Quantity and value are signed (+ in, − out); {@code level} is the stock level after it.
 */
public record StockReturned(String sku, String location, int quantity, BigDecimal unitCost, BigDecimal value,
                    String reference, Long movementId, String actor, StockLevelState level) implements DomainEvent {
}
