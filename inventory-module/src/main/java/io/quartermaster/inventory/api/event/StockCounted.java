package io.quartermaster.inventory.api.event;

import io.quartermaster.platform.api.event.DomainEvent;
import java.math.BigDecimal;

/**
 * A stock count set on-hand to the counted quantity through a correction.
 * Quantity and value are signed (+ in, − out); {@code level} is the stock level after it.
 */
public record StockCounted(String sku, String location, int quantity, BigDecimal unitCost, BigDecimal value,
                    String reference, Long movementId, String actor, StockLevelState level) implements DomainEvent {
}
