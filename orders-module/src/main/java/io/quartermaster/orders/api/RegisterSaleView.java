package io.quartermaster.orders.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A register's sale as staff review it (DESIGN.md §9): a discrepancy ({@code status} REFUSED: the
 * register sold units it did not hold and none were free; {@code problem} says which) or a card
 * declined when the sale arrived ({@code payment} DECLINED: the customer owes {@code total}).
 */
public record RegisterSaleView(UUID id, long seq, Instant soldAt, String status, String tender, String payment,
                               BigDecimal total, String problem, String cashier, UUID orderId) {
}
