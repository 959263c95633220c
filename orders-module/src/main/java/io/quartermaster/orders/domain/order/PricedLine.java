package io.quartermaster.orders.domain.order;

import java.math.BigDecimal;

/** A quantity of a SKU at a unit price and tax rate, as priced when it was held. */
public record PricedLine(String sku, int quantity, BigDecimal unitPrice, BigDecimal taxRate) {

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    /** Unrounded: taxes are summed first and rounded once, on the total. */
    public BigDecimal lineTax() {
        return lineTotal().multiply(taxRate);
    }
}
