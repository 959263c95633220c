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

    /** The catalogue's price when the line was sold at another one (a register's own price); null otherwise. */
    @Column(name = "catalogue_price", updatable = false)
    private BigDecimal cataloguePrice;

    protected OrderItem() {
    }

    public OrderItem(String sku, String location, int quantity, BigDecimal unitPrice, BigDecimal taxRate) {
        this.sku = sku;
        this.location = location;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.taxRate = taxRate;
    }

    /** A line sold at {@code unitPrice} where the catalogue said {@code cataloguePrice}: kept, and flagged when they differ. */
    public static OrderItem charged(String sku, String location, int quantity, BigDecimal unitPrice, BigDecimal taxRate,
                                    BigDecimal cataloguePrice) {
        OrderItem item = new OrderItem(sku, location, quantity, unitPrice, taxRate);
        item.cataloguePrice = cataloguePrice == null || cataloguePrice.compareTo(unitPrice) == 0 ? null : cataloguePrice;
        return item;
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

    public BigDecimal cataloguePrice() {
        return cataloguePrice;
    }
}
