package io.quartermaster.erp.domain.replenishment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Projected stock of a SKU at a location fell to its reorder point: OPEN until it is above it again,
 * then CLOSED. At most one is open per SKU and location (a partial unique index), however many stock
 * events cross the line at once, so an alert is opened by {@code insert … on conflict do nothing}
 * and closed by one update; the entity reads them.
 */
@Entity
@Table(name = "low_stock_alert", schema = "erp")
public class LowStockAlert {

    @Id
    private UUID id;

    @Column(nullable = false, insertable = false, updatable = false)
    private String sku;

    @Column(nullable = false, insertable = false, updatable = false)
    private String location;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, insertable = false, updatable = false)
    private AlertStatus status;

    @Column(nullable = false, insertable = false, updatable = false)
    private int projected;

    @Column(name = "reorder_point", nullable = false, insertable = false, updatable = false)
    private int reorderPoint;

    @Column(name = "opened_at", insertable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "closed_at", insertable = false, updatable = false)
    private Instant closedAt;

    protected LowStockAlert() {
    }

    public UUID id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public String location() {
        return location;
    }

    public AlertStatus status() {
        return status;
    }

    public int projected() {
        return projected;
    }

    public int reorderPoint() {
        return reorderPoint;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
