package io.quartermaster.orders.domain.order;

/** HELD → PAYING → CONFIRMED; HELD/PAYING → RELEASED (declined, deleted) or EXPIRED. */
public enum CheckoutStatus {
    HELD, PAYING, CONFIRMED, RELEASED, EXPIRED
}
