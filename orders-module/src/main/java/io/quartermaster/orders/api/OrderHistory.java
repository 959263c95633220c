package io.quartermaster.orders.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What happened to an order, oldest first: placed, paid, cancelled or returned (with who asked, why
 * and the money back). {@code who} and {@code amount} may be null.
 */
public record OrderHistory(List<Entry> entries) {

    public enum What { PLACED, PAID, PAYMENT_DECLINED, CANCELLED, RETURNED, REFUNDED }

    public record Entry(Instant at, What what, String who, BigDecimal amount, String currency, String detail) {
    }
}
