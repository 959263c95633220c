package io.quartermaster.orders.domain.register;

/** A register sells while OPEN; CLOSED once its unsold allotments went back to available stock. */
public enum RegisterStatus {
    OPEN, CLOSED
}
