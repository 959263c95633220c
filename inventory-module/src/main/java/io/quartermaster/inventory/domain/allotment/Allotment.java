package io.quartermaster.inventory.domain.allotment;

import io.quartermaster.inventory.domain.stock.StockChange;
import io.quartermaster.inventory.domain.stock.StockLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Units of one SKU at one location set aside for one holder — a register that sells them,
 * online or not, without asking (DESIGN.md §9). They count in the stock level's
 * {@code reserved}, so no other channel can sell them; every change is made under that
 * level's row lock, which is what keeps the two in step. {@code granted} only grows,
 * {@code sold} and {@code returned} record where granted units went, and what the holder
 * still has is {@link #remaining()}.
 */
@Entity
@Table(name = "allotment", schema = "inventory")
@IdClass(Allotment.Key.class)
public class Allotment {

    /** The primary key: holder, location, SKU. */
    public static class Key implements Serializable {
        private String holder;
        private long locationId;
        private String sku;

        public Key() {
        }

        public Key(String holder, long locationId, String sku) {
            this.holder = holder;
            this.locationId = locationId;
            this.sku = sku;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && holder.equals(k.holder) && locationId == k.locationId && sku.equals(k.sku);
        }

        @Override
        public int hashCode() {
            return Objects.hash(holder, locationId, sku);
        }
    }

    @Id
    private String holder;

    @Id
    @Column(name = "location_id")
    private long locationId;

    @Id
    private String sku;

    @Column(nullable = false)
    private int target;

    @Column(nullable = false)
    private int granted;

    @Column(nullable = false)
    private int sold;

    @Column(nullable = false)
    private int returned;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Its holder is lost: the units stay reserved until a count of the level gives them back ({@link #thaw}). */
    @Column(nullable = false)
    private boolean frozen;

    protected Allotment() {
    }

    public Allotment(String holder, long locationId, String sku, Instant at) {
        this.holder = holder;
        this.locationId = locationId;
        this.sku = sku;
        this.updatedAt = at;
    }

    /** What a top-up or a give-back did: units granted (positive) or returned (negative), and what it fell short. */
    public record Change(int delta, int shortBy) {
    }

    /**
     * Moves what the holder has towards {@code newTarget}: asks the level for the missing units
     * (as many as are available — {@code shortBy} says the rest) or gives the surplus back.
     */
    public Change aimAt(int newTarget, StockLevel level, Instant at) {
        if (newTarget < 0) {
            throw new IllegalArgumentException("a target is zero or more");
        }
        target = newTarget;
        updatedAt = at;
        int want = newTarget - remaining();
        if (want > 0) {
            int take = Math.min(want, Math.max(0, level.available()));
            if (take > 0) {
                level.reserve(take, at);
                granted += take;
            }
            return new Change(take, want - take);
        }
        if (want < 0) {
            level.unreserve(-want, at);
            returned += -want;
        }
        return new Change(want, 0);
    }

    /** How many of {@code quantity} units sold by the holder its allotment covers; the rest must be free stock. */
    public int covers(int quantity) {
        return Math.min(quantity, Math.max(0, remaining()));
    }

    /**
     * The holder sold {@code quantity} units: those its allotment {@link #covers} leave the
     * level's reserved units, the rest its free ones ({@link StockLevel#sell}, which refuses
     * when free stock cannot cover them). One change for the line.
     */
    public StockChange sell(int quantity, StockLevel level, Instant at) {
        int fromAllotment = covers(quantity);
        StockChange change = level.sell(quantity, fromAllotment, at);
        sold += fromAllotment;
        updatedAt = at;
        return change;
    }

    /**
     * A count of the level after the holder was lost: what it still had goes back to the level
     * (the count then sets on hand to what is really there). Returns the units given back.
     */
    public int thaw(StockLevel level, Instant at) {
        int back = Math.max(0, remaining());
        if (back > 0) {
            level.unreserve(back, at);
            returned += back;
        }
        target = 0;
        frozen = false;
        updatedAt = at;
        return back;
    }

    public boolean frozen() {
        return frozen;
    }

    public String holder() {
        return holder;
    }

    public long locationId() {
        return locationId;
    }

    public String sku() {
        return sku;
    }

    public int target() {
        return target;
    }

    public int granted() {
        return granted;
    }

    public int sold() {
        return sold;
    }

    public int returned() {
        return returned;
    }

    public int remaining() {
        return granted - sold - returned;
    }
}
