package io.quartermaster.erp.api.event;

import io.quartermaster.platform.api.event.DomainEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A purchase order went to its vendor. */
public record PurchaseOrderIssued(UUID purchaseOrderId, String vendor, boolean auto, List<Line> lines) implements DomainEvent {

    public record Line(String sku, String location, int quantity, BigDecimal unitCost) {
    }
}
