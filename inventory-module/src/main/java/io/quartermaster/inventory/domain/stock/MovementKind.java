package io.quartermaster.inventory.domain.stock;

public enum MovementKind {
    RECEIPT, SALE, RETURN, ADJUSTMENT, TRANSFER_OUT, TRANSFER_IN, COUNT_CORRECTION
}
