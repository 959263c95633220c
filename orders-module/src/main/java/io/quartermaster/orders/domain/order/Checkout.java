package io.quartermaster.orders.domain.order;

import io.quartermaster.inventory.api.HoldId;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A priced cart with its stock on hold, waiting for payment. Refers to its hold by id only. */
@Entity
@Table(name = "checkout", schema = "orders")
public class Checkout {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String channel;

    @Column(nullable = false, updatable = false)
    private String owner;

    @Column(name = "hold_id", nullable = false, updatable = false)
    private UUID holdId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CheckoutStatus status;

    @Column(name = "customer_ref", updatable = false)
    private String customerRef;

    @Column(nullable = false, updatable = false)
    private BigDecimal subtotal;

    @Column(nullable = false, updatable = false)
    private BigDecimal tax;

    @Column(nullable = false, updatable = false)
    private BigDecimal total;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "order_id")
    private UUID orderId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "checkout_line", schema = "orders", joinColumns = @JoinColumn(name = "checkout_id"))
    @OrderColumn(name = "line_no")
    private List<CheckoutLine> lines = new ArrayList<>();

    protected Checkout() {
    }

    public Checkout(UUID id, String channel, String owner, HoldId holdId, String customerRef, List<PricedLine> lines,
                    Instant expiresAt, Instant at) {
        this.id = id;
        this.channel = channel;
        this.owner = owner;
        this.holdId = holdId.value();
        this.customerRef = customerRef;
        this.lines = new ArrayList<>(lines.stream().map(CheckoutLine::new).toList());
        Totals totals = Totals.of(lines);
        this.subtotal = totals.subtotal().amount();
        this.tax = totals.tax().amount();
        this.total = totals.total().amount();
        this.currency = totals.total().currency().getCurrencyCode();
        this.status = CheckoutStatus.HELD;
        this.expiresAt = expiresAt;
        this.createdAt = at;
        this.updatedAt = at;
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The status a caller sees: a hold whose time ran out is EXPIRED even before the sweeper got to it. */
    public CheckoutStatus visibleStatus(Instant now) {
        if ((status == CheckoutStatus.HELD || status == CheckoutStatus.PAYING) && expiredAt(now)) {
            return CheckoutStatus.EXPIRED;
        }
        return status;
    }

    public void moveTo(CheckoutStatus next, Instant at) {
        status = next;
        updatedAt = at;
    }

    public void confirmed(UUID order, Instant at) {
        orderId = order;
        moveTo(CheckoutStatus.CONFIRMED, at);
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

    public HoldId holdId() {
        return new HoldId(holdId);
    }

    public CheckoutStatus status() {
        return status;
    }

    public String customerRef() {
        return customerRef;
    }

    public BigDecimal subtotal() {
        return subtotal;
    }

    public BigDecimal tax() {
        return tax;
    }

    public BigDecimal total() {
        return total;
    }

    public String currency() {
        return currency;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public UUID orderId() {
        return orderId;
    }

    public List<PricedLine> lines() {
        return lines.stream().map(CheckoutLine::priced).toList();
    }
}
