package io.quartermaster.erp.domain.replenishment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * How a SKU is reordered at a location: below the reorder point, projected stock is topped up to
 * the maximum level from the vendor, in packs and at least the minimum quantity. Its row is also
 * the lock every evaluation of the SKU at the location takes, so concurrent stock events for it
 * queue instead of ordering twice. Written by an upsert; read (and locked) through this entity.
 */
@Entity
@Table(name = "replenishment", schema = "erp")
@IdClass(ReplenishmentSetting.Key.class)
public class ReplenishmentSetting {

    /** The setting's key: a SKU at a location. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String sku;
        private String location;

        public Key() {
        }

        public Key(String sku, String location) {
            this.sku = sku;
            this.location = location;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(key.sku, sku) && Objects.equals(key.location, location);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sku, location);
        }
    }

    @Id
    private String sku;

    @Id
    private String location;

    @Column(name = "reorder_point", nullable = false, insertable = false, updatable = false)
    private int reorderPoint;

    @Column(name = "max_level", nullable = false, insertable = false, updatable = false)
    private int maxLevel;

    @Column(nullable = false, insertable = false, updatable = false)
    private String vendor;

    @Column(name = "pack_size", nullable = false, insertable = false, updatable = false)
    private int packSize;

    @Column(name = "min_order_quantity", nullable = false, insertable = false, updatable = false)
    private int minOrderQuantity;

    @Column(name = "unit_cost", insertable = false, updatable = false)
    private BigDecimal unitCost;

    @Column(name = "issue_automatically", nullable = false, insertable = false, updatable = false)
    private boolean issueAutomatically;

    protected ReplenishmentSetting() {
    }

    /** Projected stock at or below the reorder point calls for an order (or at least an alert). */
    public boolean low(int projected) {
        return projected <= reorderPoint;
    }

    /** What to order to bring {@code projected} up to the maximum level, in packs, at least the minimum. */
    public int orderQuantity(int projected) {
        return ReorderMaths.orderQuantity(maxLevel, projected, packSize, minOrderQuantity);
    }

    public String sku() {
        return sku;
    }

    public String location() {
        return location;
    }

    public int reorderPoint() {
        return reorderPoint;
    }

    public int maxLevel() {
        return maxLevel;
    }

    public String vendor() {
        return vendor;
    }

    public int packSize() {
        return packSize;
    }

    public int minOrderQuantity() {
        return minOrderQuantity;
    }

    public BigDecimal unitCost() {
        return unitCost;
    }

    public boolean issueAutomatically() {
        return issueAutomatically;
    }
}
