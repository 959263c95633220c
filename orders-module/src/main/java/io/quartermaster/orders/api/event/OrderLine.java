package io.quartermaster.orders.api.event;

import java.math.BigDecimal;

/** A line of an order event: what was sold (or returned) where, at what price and tax. */
public record OrderLine(String sku, String location, int quantity, BigDecimal unitPrice, BigDecimal taxRate,
                        BigDecimal lineTotal) {
}
