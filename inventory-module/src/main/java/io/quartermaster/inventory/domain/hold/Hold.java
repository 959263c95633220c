package io.quartermaster.inventory.domain.hold;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Units set aside for a cart until it is paid for, released, or expires. Resolved at most
 * once: every transition is made with the hold row locked, and only from ACTIVE.
 */
@Entity
@Table(name = "hold", schema = "inventory")
public class Hold {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String channel;

    @Column(nullable = false, updatable = false)
    private String owner;

    @Column(updatable = false)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HoldStatus status;

    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "hold_line", schema = "inventory", joinColumns = @JoinColumn(name = "hold_id"))
    @OrderColumn(name = "line_no")
    private List<HoldLine> lines = new ArrayList<>();

    protected Hold() {
    }

    public Hold(UUID id, String channel, String owner, String reference, Instant expiresAt, List<HoldLine> lines,
                Instant at) {
        this.id = id;
        this.channel = channel;
        this.owner = owner;
        this.reference = reference;
        this.expiresAt = expiresAt;
        this.lines = new ArrayList<>(lines);
        this.status = HoldStatus.ACTIVE;
        this.createdAt = at;
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public void resolve(HoldStatus outcome, String actor, Instant at) {
        if (status != HoldStatus.ACTIVE) {
            throw new IllegalStateException("hold " + id + " is already " + status);
        }
        if (outcome == HoldStatus.ACTIVE) {
            throw new IllegalArgumentException("a hold cannot be resolved to ACTIVE");
        }
        status = outcome;
        resolvedAt = at;
        resolvedBy = actor;
    }

    public UUID id() {
        return id;
    }

    public String channel() {
        return channel;
    }

    public String owner() {
        return owner;
    }

    public String reference() {
        return reference;
    }

    public HoldStatus status() {
        return status;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<HoldLine> lines() {
        return List.copyOf(lines);
    }
}
