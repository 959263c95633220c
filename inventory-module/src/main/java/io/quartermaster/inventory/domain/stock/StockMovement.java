package io.quartermaster.inventory.domain.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One line of the append-only movement ledger (the database refuses UPDATE and DELETE). */
@Entity
@Table(name = "stock_movement", schema = "inventory")
public class StockMovement {

    /** From the column's sequence, 50 ids per round trip (the sequence increments by 50). */
    @Id
    @SequenceGenerator(name = "stock_movement_id", sequenceName = "inventory.stock_movement_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "stock_movement_id")
    private Long id;

    @Column(name = "location_id", nullable = false, updatable = false)
    private long locationId;

    @Column(nullable = false, updatable = false)
    private String sku;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MovementKind kind;

    @Column(nullable = false, updatable = false)
    private int quantity;

    @Column(name = "unit_cost", updatable = false)
    private BigDecimal unitCost;

    @Column(nullable = false, updatable = false)
    private BigDecimal value;

    @Column(updatable = false)
    private String reason;

    @Column(updatable = false)
    private String reference;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "stock_version", nullable = false, updatable = false)
    private long stockVersion;

    protected StockMovement() {
    }

    public StockMovement(StockLevel level, MovementKind kind, StockChange change, String reason, String reference,
                         String actor, Instant at) {
        this.locationId = level.locationId();
        this.sku = level.sku();
        this.kind = kind;
        this.quantity = change.quantity();
        this.unitCost = change.unitCost();
        this.value = change.value();
        this.reason = reason;
        this.reference = reference;
        this.actor = actor;
        this.occurredAt = at;
        this.stockVersion = level.version();
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

    public MovementKind kind() {
        return kind;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal unitCost() {
        return unitCost;
    }

    public BigDecimal value() {
        return value;
    }

    public String reason() {
        return reason;
    }

    public String reference() {
        return reference;
    }

    public String actor() {
        return actor;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public long stockVersion() {
        return stockVersion;
    }
}
