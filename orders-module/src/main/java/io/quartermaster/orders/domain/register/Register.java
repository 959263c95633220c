package io.quartermaster.orders.domain.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A point-of-sale register (DESIGN.md §9): bound to one location, it sells from the units
 * allotted to it — online or offline, for at most {@code offlineHours} since it last reached the
 * server. Its API client ({@code owner}, "client:&lt;id&gt;") is the one caller besides staff that
 * may see it; any other caller is told it does not exist.
 */
@Entity
@Table(name = "register", schema = "orders")
public class Register {

    /** A register may sell offline for at most a week since its last contact; a day unless staff say otherwise. */
    public static final int DEFAULT_OFFLINE_HOURS = 24;
    public static final int MAX_OFFLINE_HOURS = 168;

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, updatable = false)
    private String location;

    @Column(name = "offline_hours", nullable = false)
    private int offlineHours;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RegisterStatus status;

    private String owner;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "last_contact_at")
    private Instant lastContactAt;

    /** The highest sale number recorded; written by the settlement's statements, never through this entity. */
    @Column(name = "last_seq", insertable = false, updatable = false)
    private long lastSeq;

    /** Every sale numbered up to this one is recorded. */
    @Column(name = "settled_seq", insertable = false, updatable = false)
    private long settledSeq;

    protected Register() {
    }

    public Register(String code, String name, String location, int offlineHours, String createdBy, Instant at) {
        this.code = code;
        this.name = name.strip();
        this.location = location;
        this.offlineHours = offlineHours;
        this.status = RegisterStatus.OPEN;
        this.createdBy = createdBy;
        this.createdAt = at;
    }

    /** The API client whose key the register now uses; the previous key's client no longer sees it. */
    public void useKeyOf(String owner) {
        this.owner = owner;
    }

    /** The register itself reached the server. */
    public void contacted(Instant at) {
        lastContactAt = at;
    }

    /**
     * Closes the register: it records no more sales and takes no allotments. Allowed only when
     * every sale up to the last number it used is recorded ({@link #unrecordedUpTo}).
     */
    public void close() {
        status = RegisterStatus.CLOSED;
    }

    /**
     * Closes a register that is gone with sales it may never send (DESIGN.md §9): it sells no more,
     * and what it holds is not handed back on a guess — a count of its location does that.
     */
    public void closeAsLost() {
        status = RegisterStatus.LOST;
    }

    /** Whether sales numbered up to {@code lastSeq} may still be missing (some above the settled ones). */
    public boolean unrecordedUpTo(long lastSeq) {
        return lastSeq > settledSeq;
    }

    /** Whether {@code owner} (a caller's owner key) is this register's own client. */
    public boolean ownedBy(String owner) {
        return owner != null && owner.equals(this.owner);
    }

    /** Allotments are kept under this holder in the inventory. */
    public String holder() {
        return "register:" + code;
    }

    public String code() {
        return code;
    }

    /** The owner key of the API client whose key the register uses ("client:&lt;id&gt;"), if it has one. */
    public String owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public String location() {
        return location;
    }

    public int offlineHours() {
        return offlineHours;
    }

    public RegisterStatus status() {
        return status;
    }

    public Instant lastContactAt() {
        return lastContactAt;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public long settledSeq() {
        return settledSeq;
    }
}
