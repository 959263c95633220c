package io.quartermaster.orders.api;

import java.time.Instant;

/**
 * What the back office searches orders by; every field may be null (no filter).
 * {@code placedFrom} is inclusive, {@code placedTo} exclusive.
 */
public record OrderSearch(String channel, String status, Instant placedFrom, Instant placedTo) {

    public static OrderSearch all() {
        return new OrderSearch(null, null, null, null);
    }
}
