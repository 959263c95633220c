package io.quartermaster.erp.domain.purchasing;

import io.quartermaster.erp.api.refusal.OverReceipt;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of a {@link PurchaseOrder}: a quantity of a SKU for a location, at a unit cost (none
 * yet: the receipt gives it), and how much of it has arrived. {@code openAuto} is true while
 * it is a line of an automatic order still to come — the database allows one such line per SKU
 * and location (a partial unique index), however stock events race.
 */
@Entity
@Table(name = "po_line", schema = "erp")
@IdClass(PoLine.Key.class)
public class PoLine {

    /** The line's key: its order and its number on it. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private UUID poId;
        private int lineNo;

        public Key() {
        }

        public Key(UUID poId, int lineNo) {
            this.poId = poId;
            this.lineNo = lineNo;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.lineNo == lineNo && Objects.equals(key.poId, poId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(poId, lineNo);
        }
    }

    @Id
    @Column(name = "po_id")
    private UUID poId;

    @Id
    @Column(name = "line_no")
    private int lineNo;

    @Column(nullable = false, updatable = false)
    private String sku;

    @Column(nullable = false, updatable = false)
    private String location;

    @Column(nullable = false, updatable = false)
    private int quantity;

    @Column(nullable = false)
    private int received;

    @Column(name = "unit_cost", updatable = false)
    private BigDecimal unitCost;

    @Column(name = "open_auto", nullable = false)
    private boolean openAuto;

    protected PoLine() {
    }

    public PoLine(PurchaseOrder order, int lineNo, String sku, String location, int quantity, BigDecimal unitCost) {
        this.poId = order.id();
        this.lineNo = lineNo;
        this.sku = sku;
        this.location = location;
        this.quantity = quantity;
        this.unitCost = unitCost;
        this.openAuto = order.auto();
    }

    /** Units still to come. */
    public int open() {
        return quantity - received;
    }

    /** {@code quantity} units arrived; never more than are still to come. */
    public void receive(int units) {
        if (units > open()) {
            throw new OverReceipt("only " + open() + " of " + sku + " are still expected on " + poId,
                    Map.of("expected", open()));
        }
        received += units;
    }

    /** The order is complete or cancelled: this line no longer stands for "an automatic order is on its way". */
    public void close() {
        openAuto = false;
    }

    public UUID poId() {
        return poId;
    }

    public int lineNo() {
        return lineNo;
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

    public int received() {
        return received;
    }

    public BigDecimal unitCost() {
        return unitCost;
    }
}
