package io.quartermaster.erp.domain.purchasing;

import io.quartermaster.erp.api.refusal.WrongPurchaseOrderState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An order to a vendor, by hand or raised by replenishment ({@code auto}). Its lines are
 * {@link PoLine}s. Every move of its status is one of {@link PoStatus}'s and is made with the
 * order's row locked; a move the status does not allow is refused as {@link WrongPurchaseOrderState}.
 */
@Entity
@Table(name = "purchase_order", schema = "erp")
public class PurchaseOrder {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String vendor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PoStatus status;

    @Column(nullable = false, updatable = false)
    private boolean auto;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "issued_at")
    private Instant issuedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PurchaseOrder() {
    }

    /** A new order, DRAFT or (replenishment set to issue automatically) ISSUED at once. */
    public PurchaseOrder(String vendor, boolean auto, PoStatus status, String createdBy, Instant at) {
        if (status != PoStatus.DRAFT && status != PoStatus.ISSUED) {
            throw new IllegalArgumentException("a purchase order starts as DRAFT or ISSUED, not " + status);
        }
        this.id = UUID.randomUUID();
        this.vendor = vendor;
        this.auto = auto;
        this.status = status;
        this.createdBy = createdBy;
        this.createdAt = at;
        this.updatedAt = at;
        this.issuedAt = status == PoStatus.ISSUED ? at : null;
    }

    public void issue(Instant at) {
        if (!status.canBeIssued()) {
            throw new WrongPurchaseOrderState("purchase order " + id + " is " + status + "; only a DRAFT can be issued");
        }
        status = PoStatus.ISSUED;
        issuedAt = at;
        updatedAt = at;
    }

    public void cancel(Instant at) {
        if (!status.canBeCancelled()) {
            throw new WrongPurchaseOrderState("purchase order " + id + " is already " + status);
        }
        status = PoStatus.CANCELLED;
        updatedAt = at;
    }

    /** Before goods are taken in: only an issued order (in part received or not) can be. */
    public void requireReceivable() {
        if (!status.canBeReceived()) {
            throw new WrongPurchaseOrderState("purchase order " + id + " is " + status + "; only an issued order can be received");
        }
    }

    /** After goods were taken in: RECEIVED once nothing is left to come, else PARTIALLY_RECEIVED. */
    public void received(boolean complete, Instant at) {
        requireReceivable();
        status = PoStatus.afterReceipt(complete);
        updatedAt = at;
    }

    public UUID id() {
        return id;
    }

    public String vendor() {
        return vendor;
    }

    public PoStatus status() {
        return status;
    }

    public boolean auto() {
        return auto;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant issuedAt() {
        return issuedAt;
    }
}
