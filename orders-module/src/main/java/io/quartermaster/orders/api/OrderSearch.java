package io.quartermaster.orders.api;

import java.time.Instant;

/**
 * What the back office searches orders by; every filter may be null (no filter).
 * {@code placedFrom} is inclusive, {@code placedTo} exclusive. {@code text} finds an order by the start
 * of its number, by a SKU on one of its lines or by (part of) the customer reference. The list is
 * sorted in the database by {@code sort}, then by newest first.
 */
public record OrderSearch(String channel, String status, Instant placedFrom, Instant placedTo, String text, Sort sort,
                          boolean ascending) {

    /** The columns an order list can be sorted by. */
    public enum Sort { PLACED, TOTAL, STATUS, CHANNEL, CUSTOMER }

    public OrderSearch {
        text = text == null || text.isBlank() ? null : text.strip();
        sort = sort == null ? Sort.PLACED : sort;
    }

    public OrderSearch(String channel, String status, Instant placedFrom, Instant placedTo) {
        this(channel, status, placedFrom, placedTo, null, Sort.PLACED, false);
    }

    public static OrderSearch all() {
        return new OrderSearch(null, null, null, null);
    }
}
