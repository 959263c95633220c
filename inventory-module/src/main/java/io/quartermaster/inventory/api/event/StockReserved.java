package io.quartermaster.inventory.api.event;

import io.quartermaster.platform.api.event.DomainEvent;
import java.math.BigDecimal;

/**
 * Units set aside for a hold; no value moves (value 0).
 * Quantity and value are signed (+ in, − out); {@code level} is the stock level after it.
 */
public record StockReserved(String sku, String location, int quantity, BigDecimal unitCost, BigDecimal value,
                    String reference, Long movementId, String actor, StockLevelState level) implements DomainEvent {
}
