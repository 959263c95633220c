package io.quartermaster.orders.domain.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** A line of an order: what was sold from which location, and how much of it came back. */
@Embeddable
public class OrderItem {

    @Column(nullable = false)
    private String sku;

    @Column(nullable = false)
    private String location;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "returned_quantity", nullable = false)
    private int returnedQuantity;

    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;

    @Column(name = "tax_rate", nullable = false)
    private BigDecimal taxRate;

    protected OrderItem() {
    }

    public OrderItem(String sku, String location, int quantity, BigDecimal unitPrice, BigDecimal taxRate) {
        this.sku = sku;
        this.location = location;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.taxRate = taxRate;
    }

    public int returnable() {
        return quantity - returnedQuantity;
    }

    void returned(int count) {
        returnedQuantity += count;
    }

    public String sku() {
        return sku;
    }

    public String location() {
        return location;
    }

    public int quantity() {
        return quantity;
    }

    public int returnedQuantity() {
        return returnedQuantity;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public BigDecimal taxRate() {
        return taxRate;
    }
}
