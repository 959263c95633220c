package io.quartermaster.inventory.api.event;

import io.quartermaster.platform.api.event.DomainEvent;
import java.math.BigDecimal;

/**
 * A hold's units freed again (released, expired); no value moves.
 * Quantity and value are signed (+ in, − out); {@code level} is the stock level after it.
 */
public record StockReleased(String sku, String location, int quantity, BigDecimal unitCost, BigDecimal value,
                    String reference, Long movementId, String actor, StockLevelState level) implements DomainEvent {
}
