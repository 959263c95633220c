package io.quartermaster.orders.application;

import io.quartermaster.orders.domain.order.Checkout;
import io.quartermaster.orders.domain.order.CheckoutStatus;
import io.quartermaster.orders.domain.payment.Payment;
import io.quartermaster.orders.domain.payment.PaymentGateway;
import io.quartermaster.platform.api.Money;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

    /** Checkouts PAYING with an expired hold, oldest first. */
    public List<UUID> abandoned(int max) {
        return em.createQuery("select c.id from Checkout c where c.status = :paying and c.expiresAt <= :now "
                        + "order by c.expiresAt", UUID.class)
                .setParameter("paying", CheckoutStatus.PAYING)
                .setParameter("now", clock.instant())
                .setMaxResults(max)
                .getResultList();
    }

    /** @return true when this call resolved the checkout */
    public boolean recover(UUID checkoutId) {
        Optional<String> capture = gateway.findCapture(checkoutId.toString());
        boolean resolved = transactions.inTransaction(() -> {
            @SuppressWarnings("unchecked")
            List<Object> claimed = em.createNativeQuery("select id from orders.checkout where id = ?1 and status = 'PAYING' "
                            + "for update skip locked")
                    .setParameter(1, checkoutId).getResultList();
            if (claimed.isEmpty()) {
                return false;
            }
            Checkout checkout = em.find(Checkout.class, checkoutId);
            em.refresh(checkout);
            Instant now = clock.instant();
            if (!checkout.expiredAt(now)) {
                return false;
            }
            checkout.moveTo(CheckoutStatus.EXPIRED, now);
            capture.ifPresent(ref -> {
                em.persist(new Payment(checkoutId, Payment.CAPTURE, checkout.total(), checkout.currency(), ref,
                        "found by recovery", now));
                em.persist(new Payment(checkoutId, Payment.REFUND, checkout.total(), checkout.currency(), ref,
                        "confirm abandoned and hold expired", now));
            });
            return true;
        });
        if (resolved && capture.isPresent()) {
            Checkout checkout = em.find(Checkout.class, checkoutId);
            gateway.refund(capture.get(), Money.of(checkout.total()), "checkout " + checkoutId + " abandoned during payment");
            LOG.warning(() -> "Checkout " + checkoutId + " was abandoned during payment; its capture was refunded");
        }
        return resolved;
    }
}
