package io.quartermaster.inventory.api;

import java.math.BigDecimal;
import java.time.Instant;

/** One stock movement; quantity and value are signed (+ in, − out). */
public record MovementView(long id, String sku, String location, String kind, int quantity, BigDecimal unitCost,
                           BigDecimal value, String reason, String reference, String actor, Instant occurredAt,
                           long stockVersion) {
}
