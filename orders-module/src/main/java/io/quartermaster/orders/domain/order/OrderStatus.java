package io.quartermaster.orders.domain.order;

public enum OrderStatus {
    PLACED, CANCELLED, PARTIALLY_RETURNED, RETURNED
}
