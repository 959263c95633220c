package io.quartermaster.erp.api;

import java.util.Objects;
import java.util.UUID;

/** The identity of a purchase order to a vendor, whether raised by hand or by replenishment. */
public record PurchaseOrderId(UUID value) {

    public PurchaseOrderId {
        Objects.requireNonNull(value, "purchaseOrderId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
