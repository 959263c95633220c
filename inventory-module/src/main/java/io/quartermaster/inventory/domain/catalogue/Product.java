package io.quartermaster.inventory.domain.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

@Entity
@Table(name = "product", schema = "inventory")
public class Product {

    @Id
    private String sku;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private BigDecimal price;

    @Column(name = "tax_rate", nullable = false)
    private BigDecimal taxRate;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Product() {
    }

    public Product(String sku, String name, BigDecimal price, BigDecimal taxRate, boolean active, Instant at) {
        this.sku = sku;
        this.createdAt = at;
        update(name, price, taxRate, active, at);
    }

    public void update(String name, BigDecimal price, BigDecimal taxRate, boolean active, Instant at) {
        this.name = name.strip();
        this.price = price.setScale(2, RoundingMode.HALF_EVEN);
        this.taxRate = taxRate == null ? BigDecimal.ZERO : taxRate;
        this.active = active;
        this.updatedAt = at;
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public BigDecimal price() {
        return price;
    }

    public BigDecimal taxRate() {
        return taxRate;
    }

    public boolean active() {
        return active;
    }
}
