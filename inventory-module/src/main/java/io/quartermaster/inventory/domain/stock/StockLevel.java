package io.quartermaster.inventory.domain.stock;

import io.quartermaster.inventory.api.refusal.AmountLimit;
import io.quartermaster.inventory.api.refusal.StockLimit;
import io.quartermaster.platform.api.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Stock of one SKU at one location, changed only while its row is locked
 * ({@code SELECT … FOR UPDATE}).
 *
 * <p>Costing is moving average, decided here because only under this lock is the order of
 * movements certain. The row keeps its total value beside its quantity: what comes in adds
 * its value, what goes out leaves at {@code totalValue × qty / onHand} rounded to the cent —
 * and the last unit out takes exactly what is left, so quantity and value reach zero
 * together with no rounding residue.
 */
@Entity
@Table(name = "stock_level", schema = "inventory")
public class StockLevel {

    private static final int VALUE_SCALE = 2;
    private static final int COST_SCALE = 4;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "location_id", nullable = false, updatable = false)
    private long locationId;

    @Column(nullable = false, updatable = false)
    private String sku;

    @Column(name = "on_hand", nullable = false)
    private int onHand;

    @Column(nullable = false)
    private int reserved;

    @Column(name = "total_value", nullable = false)
    private BigDecimal totalValue = BigDecimal.ZERO.setScale(VALUE_SCALE);

    @Column(name = "average_cost", nullable = false)
    private BigDecimal averageCost = BigDecimal.ZERO.setScale(COST_SCALE);

    @Column(nullable = false)
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StockLevel() {
    }

    public StockLevel(long locationId, String sku) {
        this.locationId = locationId;
        this.sku = sku;
        this.updatedAt = Instant.EPOCH;
    }

    public int available() {
        return onHand - reserved;
    }

    /** Sets units aside for a hold. The caller has checked {@link #available()}; this refuses otherwise. */
    public void reserve(int quantity, Instant at) {
        requirePositive(quantity);
        if (quantity > available()) {
            throw new StockRuleViolation("cannot reserve " + quantity + " of " + sku + ": only " + available() + " available");
        }
        reserved += quantity;
        touch(at);
    }

    public void unreserve(int quantity, Instant at) {
        requirePositive(quantity);
        if (quantity > reserved) {
            throw new StockRuleViolation("cannot release " + quantity + " of " + sku + ": only " + reserved + " reserved");
        }
        reserved -= quantity;
        touch(at);
    }

    /** A reserved quantity leaves as a sale, at average cost. */
    public StockChange sellReserved(int quantity, Instant at) {
        unreserve(quantity, at);
        return takeOut(quantity, at);
    }

    /**
     * One sale of which {@code fromReserved} units were reserved for the seller (a register's
     * allotment) and the rest free: one change at average cost. Checks before it changes anything.
     */
    public StockChange sell(int quantity, int fromReserved, Instant at) {
        requirePositive(quantity);
        if (fromReserved < 0 || fromReserved > quantity || fromReserved > reserved) {
            throw new StockRuleViolation("cannot sell " + fromReserved + " reserved of " + sku + ": " + reserved + " reserved");
        }
        if (quantity - fromReserved > available()) {
            throw new StockRuleViolation("cannot sell " + (quantity - fromReserved) + " free of " + sku + ": only "
                    + available() + " available");
        }
        reserved -= fromReserved;
        return takeOut(quantity, at);
    }

    /** Units leave that were not reserved (adjustment, count, transfer out): never below what is reserved. */
    public StockChange issue(int quantity, Instant at) {
        requirePositive(quantity);
        if (quantity > available()) {
            throw new StockRuleViolation("cannot take " + quantity + " of " + sku + " out: " + available()
                    + " available (" + onHand + " on hand, " + reserved + " reserved)");
        }
        return takeOut(quantity, at);
    }

    /** Units come in at a unit cost (receipts): value = quantity × unit cost, to the cent. */
    public StockChange receive(int quantity, BigDecimal unitCost, Instant at) {
        requirePositive(quantity);
        if (unitCost == null || unitCost.signum() < 0) {
            throw new StockRuleViolation("unit cost must be zero or more");
        }
        BigDecimal value = unitCost.multiply(BigDecimal.valueOf(quantity)).setScale(VALUE_SCALE, RoundingMode.HALF_EVEN);
        return putIn(quantity, value, at);
    }

    /** Units come in carrying a value decided elsewhere (transfer in at the source's cost, return at the sale's cost). */
    public StockChange receiveValued(int quantity, BigDecimal value, Instant at) {
        requirePositive(quantity);
        return putIn(quantity, value.setScale(VALUE_SCALE, RoundingMode.HALF_EVEN), at);
    }

    /** Units found (positive adjustment or count) come in at the current average cost. */
    public StockChange receiveAtAverage(int quantity, Instant at) {
        requirePositive(quantity);
        BigDecimal value = averageCost.multiply(BigDecimal.valueOf(quantity)).setScale(VALUE_SCALE, RoundingMode.HALF_EVEN);
        return putIn(quantity, value, at);
    }

    private StockChange takeOut(int quantity, Instant at) {
        BigDecimal value = quantity == onHand
                ? totalValue
                : totalValue.multiply(BigDecimal.valueOf(quantity))
                        .divide(BigDecimal.valueOf(onHand), VALUE_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal unitCost = value.divide(BigDecimal.valueOf(quantity), COST_SCALE, RoundingMode.HALF_EVEN);
        onHand -= quantity;
        totalValue = totalValue.subtract(value);
        reaverage();
        touch(at);
        return new StockChange(-quantity, unitCost, value.negate());
    }

    /** What {@code total_value numeric(19,2)} holds. */
    private static final BigDecimal MAX_STOCK_VALUE = new BigDecimal("99999999999999999.99");

    /**
     * Units in, within the limits (README "Limits"): on hand and stock value fit their columns, and
     * the movement's value fits the books' — a receipt the ledger could not post would poison the
     * ERP's consumer. Refused as the caller's request (422), before anything changes.
     */
    private StockChange putIn(int quantity, BigDecimal value, Instant at) {
        if ((long) onHand + quantity > Integer.MAX_VALUE) {
            throw new StockLimit("cannot put " + quantity
                    + " of " + sku + " in: on hand would be " + ((long) onHand + quantity) + ", beyond the limit of "
                    + Integer.MAX_VALUE + " per SKU and location");
        }
        if (value.abs().compareTo(Money.MAX_AMOUNT) > 0) {
            throw new AmountLimit("the value of this movement, "
                    + value.toPlainString() + ", is beyond the limit of " + Money.MAX_AMOUNT.toPlainString()
                    + " a stock movement and a journal line hold");
        }
        if (totalValue.add(value).compareTo(MAX_STOCK_VALUE) > 0) {
            throw new AmountLimit("the stock value of " + sku
                    + " at this location would be beyond " + MAX_STOCK_VALUE.toPlainString());
        }
        onHand += quantity;
        totalValue = totalValue.add(value);
        reaverage();
        touch(at);
        return new StockChange(quantity, value.divide(BigDecimal.valueOf(quantity), COST_SCALE, RoundingMode.HALF_EVEN), value);
    }

    /** With nothing on hand the last average stays, for display and for stock found later. */
    private void reaverage() {
        if (onHand > 0) {
            averageCost = totalValue.divide(BigDecimal.valueOf(onHand), COST_SCALE, RoundingMode.HALF_EVEN);
        }
    }

    private void touch(Instant at) {
        version++;
        updatedAt = at;
    }

    private static void requirePositive(int quantity) {
        if (quantity <= 0) {
            throw new StockRuleViolation("quantity must be positive, was " + quantity);
        }
    }

    public Long id() {
        return id;
    }

    public long locationId() {
        return locationId;
    }

    public String sku() {
        return sku;
    }

    public int onHand() {
        return onHand;
    }

    public int reserved() {
        return reserved;
    }

    public BigDecimal totalValue() {
        return totalValue;
    }

    public BigDecimal averageCost() {
        return averageCost;
    }

    public long version() {
        return version;
    }
}
