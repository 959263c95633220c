package io.quartermaster.inventory.api.event;

import io.quartermaster.platform.api.event.DomainEvent;
import java.math.BigDecimal;

/**
 * Units added or removed by an adjustment (shrinkage, damage, found).
 * Quantity and value are signed (+ in, − out); {@code level} is the stock level after it.
 */
public record StockAdjusted(String sku, String location, int quantity, BigDecimal unitCost, BigDecimal value,
                    String reference, Long movementId, String actor, StockLevelState level) implements DomainEvent {
}
