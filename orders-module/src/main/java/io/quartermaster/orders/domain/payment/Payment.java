package io.quartermaster.orders.domain.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One capture, refund or decline, as the gateway answered it. */
@Entity
@Table(name = "payment", schema = "orders")
public class Payment {

    public static final String CAPTURE = "CAPTURE";
    public static final String REFUND = "REFUND";
    public static final String DECLINE = "DECLINE";

    /** How a refund's detail starts when an order was cancelled, and when some of its units came back. */
    public static final String CANCELLED = "order cancelled";
    public static final String RETURNED = "items returned";

    @Id
    private UUID id;

    @Column(name = "checkout_id", nullable = false, updatable = false)
    private UUID checkoutId;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false)
    private BigDecimal amount;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(name = "gateway_ref", updatable = false)
    private String gatewayRef;

    @Column(updatable = false)
    private String detail;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** Who asked for a refund (a user or API client); null for the gateway's own outcomes. */
    @Column(updatable = false)
    private String actor;

    /** Why, as the person asking said it; null when nothing was said. */
    @Column(updatable = false)
    private String reason;

    protected Payment() {
    }

    public Payment(UUID checkoutId, String kind, BigDecimal amount, String currency, String gatewayRef, String detail,
                   Instant at) {
        this.id = UUID.randomUUID();
        this.checkoutId = checkoutId;
        this.kind = kind;
        this.amount = amount;
        this.currency = currency;
        this.gatewayRef = gatewayRef;
        this.detail = detail;
        this.createdAt = at;
    }

    /** A refund someone asked for (a cancel or a return), with who asked and why. */
    public static Payment refund(UUID checkoutId, BigDecimal amount, String currency, String gatewayRef, String detail,
                                 String actor, String reason, Instant at) {
        Payment refund = new Payment(checkoutId, REFUND, amount, currency, gatewayRef, detail, at);
        refund.actor = actor;
        refund.reason = reason;
        return refund;
    }
}
