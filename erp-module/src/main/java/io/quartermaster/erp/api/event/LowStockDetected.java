package io.quartermaster.erp.api.event;

import io.quartermaster.platform.api.event.DomainEvent;
import java.util.UUID;

/** Projected stock (available + on order) of a SKU at a location fell to or below its reorder point. */
public record LowStockDetected(UUID alertId, String sku, String location, int projected, int reorderPoint)
        implements DomainEvent {
}
