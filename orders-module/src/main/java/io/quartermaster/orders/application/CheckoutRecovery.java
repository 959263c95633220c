package io.quartermaster.orders.application;

import io.quartermaster.orders.domain.order.Checkout;
import io.quartermaster.orders.domain.order.CheckoutStatus;
import io.quartermaster.orders.domain.payment.Payment;
import io.quartermaster.orders.domain.payment.PaymentGateway;
import io.quartermaster.platform.api.Money;
import io.quartermaster.platform.api.tx.DatabaseClock;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Finishes confirms that an instance abandoned between the capture and the order (killed,
 * database gone): a checkout left PAYING whose hold has expired gets its capture — found by
 * the checkout id — refunded and ends EXPIRED. While the hold is still live nothing is done:
 * the client's retry of the confirm recaptures idempotently and places the order.
 */
@ApplicationScoped
public class CheckoutRecovery {

    private static final Logger LOG = Logger.getLogger(CheckoutRecovery.class.getName());

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    @Inject
    PaymentGateway gateway;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Inject
    DatabaseClock databaseClock;

    /**
     * A confirm still capturing must not be overtaken: only a checkout PAYING for longer than any
     * capture can take ({@code QM_PAYMENTS_ABANDON_AFTER_SECONDS}, default 120) counts as abandoned.
     */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "qm.payments.abandon-after-seconds", defaultValue = "120")
    int abandonAfterSeconds;

    /** Checkouts PAYING too long, with an expired hold, oldest first. */
    public List<UUID> abandoned(int max) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select id from orders.checkout where status = 'PAYING' and expires_at <= now() "
                        + "and updated_at < now() - make_interval(secs => ?1) order by expires_at limit ?2")
                .setParameter(1, abandonAfterSeconds).setParameter(2, max)
                .getResultList();
        return ids.stream().map(id -> UUID.fromString(id.toString())).toList();
    }

    /** Whether a REFUND of this capture is already recorded (by the confirm itself, or an earlier pass). */
    boolean refunded(String captureRef) {
        return !em.createNativeQuery("select 1 from orders.payment where gateway_ref = ?1 and kind = 'REFUND'")
                .setParameter(1, captureRef).getResultList().isEmpty();
    }

    /** @return true when this call resolved the checkout */
    public boolean recover(UUID checkoutId) {
        Optional<String> capture = gateway.findCapture(checkoutId.toString());
        record Outcome(boolean resolved, String refund, BigDecimal amount) {
        }
        Outcome outcome = transactions.inTransaction(() -> {
            @SuppressWarnings("unchecked")
            List<Object> claimed = em.createNativeQuery("select id from orders.checkout where id = ?1 and status = 'PAYING' "
                            + "for update skip locked")
                    .setParameter(1, checkoutId).getResultList();
            if (claimed.isEmpty()) {
                return new Outcome(false, null, null);
            }
            Checkout checkout = em.find(Checkout.class, checkoutId);
            em.refresh(checkout);
            Instant now = databaseClock.now(); // the clock the hold's expiry was set by
            if (!checkout.expiredAt(now)) {
                return new Outcome(false, null, null);
            }
            checkout.moveTo(CheckoutStatus.EXPIRED, now);
            if (capture.isEmpty() || refunded(capture.get())) {
                return new Outcome(true, null, null);
            }
            em.persist(new Payment(checkoutId, Payment.CAPTURE, checkout.total(), checkout.currency(), capture.get(),
                    "found by recovery", now));
            em.persist(new Payment(checkoutId, Payment.REFUND, checkout.total(), checkout.currency(), capture.get(),
                    "confirm abandoned and hold expired", now));
            return new Outcome(true, capture.get(), checkout.total());
        });
        if (outcome.refund() != null) {
            gateway.refund(outcome.refund(), Money.of(outcome.amount()), "checkout " + checkoutId + " abandoned during payment");
            LOG.warning(() -> "Checkout " + checkoutId + " was abandoned during payment; its capture was refunded");
        }
        return outcome.resolved();
    }
}
