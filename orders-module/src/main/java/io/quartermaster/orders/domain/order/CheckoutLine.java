package io.quartermaster.orders.domain.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

@Embeddable
public class CheckoutLine {

    @Column(nullable = false)
    private String sku;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;

    @Column(name = "tax_rate", nullable = false)
    private BigDecimal taxRate;

    protected CheckoutLine() {
    }

    public CheckoutLine(PricedLine line) {
        this.sku = line.sku();
        this.quantity = line.quantity();
        this.unitPrice = line.unitPrice();
        this.taxRate = line.taxRate();
    }

    public PricedLine priced() {
        return new PricedLine(sku, quantity, unitPrice, taxRate);
    }
}
