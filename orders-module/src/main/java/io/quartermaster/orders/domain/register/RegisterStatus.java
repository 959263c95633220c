package io.quartermaster.orders.domain.register;

/**
 * A register sells while OPEN; CLOSED once its unsold allotments went back to available stock;
 * LOST when staff closed it without its sales: its units wait for a count of its location.
 */
public enum RegisterStatus {
    OPEN, CLOSED, LOST
}
