package io.quartermaster.orders.domain.order;

import java.math.BigDecimal;

/** Part of an order line that came back. */
public record ReturnedItem(String sku, String location, int quantity, BigDecimal unitPrice, BigDecimal taxRate) {

    public PricedLine priced() {
        return new PricedLine(sku, quantity, unitPrice, taxRate);
    }
}
