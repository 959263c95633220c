package io.quartermaster.orders.application;

import static io.quartermaster.orders.application.OrderViews.expired;
import static io.quartermaster.orders.application.OrderViews.view;

import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.orders.api.CheckoutId;
import io.quartermaster.orders.api.CheckoutRequest;
import io.quartermaster.orders.api.CheckoutView;
import io.quartermaster.orders.api.OrderRequest;
import io.quartermaster.orders.api.OrderView;
import io.quartermaster.orders.api.PaymentRequest;
import io.quartermaster.orders.api.PlacedOrder;
import io.quartermaster.orders.api.Seller;
import io.quartermaster.orders.api.Viewer;
import io.quartermaster.orders.api.refusal.AlreadyConfirmed;
import io.quartermaster.orders.api.refusal.CheckoutNotHeld;
import io.quartermaster.orders.api.refusal.CheckoutReleased;
import io.quartermaster.orders.api.refusal.PaymentDeclined;
import io.quartermaster.orders.api.refusal.PaymentNotTaken;
import io.quartermaster.orders.domain.order.Checkout;
import io.quartermaster.orders.domain.order.CheckoutStatus;
import io.quartermaster.orders.domain.order.CustomerOrder;
import io.quartermaster.orders.domain.payment.Payment;
import io.quartermaster.orders.domain.payment.PaymentGateway;
import io.quartermaster.orders.domain.payment.PaymentUnavailable;
import io.quartermaster.platform.api.Money;
import io.quartermaster.platform.api.idempotency.IdempotentCall;
import io.quartermaster.platform.api.problem.InvalidField;
import io.quartermaster.platform.api.problem.NotFound;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.platform.api.problem.Refusal;
import io.quartermaster.platform.api.tx.DatabaseClock;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checkouts and one-shot orders: started, confirmed (paid), released. The order of operations
 * of a confirm is what keeps it from overselling or losing money:
 * <ol>
 * <li>transaction 1 — the checkout is HELD (its stock is reserved by the hold) and moves to PAYING;
 *     a one-shot order's checkout is created PAYING, with its hold, in one stock batch;</li>
 * <li>the payment is captured, outside any transaction, idempotently per checkout id;</li>
 * <li>transaction 2 — a stock batch ({@link StockBatch}) converts the hold into SALE movements
 *     and writes the order, its payment record and {@code OrderPlaced}, all or nothing;</li>
 * <li>if transaction 2 finds the hold expired (the sweeper released the units, maybe to
 *     someone else) the capture is refunded and the answer is 410; if the capture was
 *     declined the hold is released and the answer is 402.</li>
 * </ol>
 * Units are only ever sold through a hold that still holds them, so no channel can sell
 * what another holds; and money is only kept when the order exists.
 */
@ApplicationScoped
public class Checkouts {

    private static final Logger LOG = Logger.getLogger(Checkouts.class.getName());

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    @Inject
    InventoryFacade inventory;

    @Inject
    PaymentGateway gateway;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Inject
    CheckoutRecovery recovery;

    @Inject
    StockBatcher batcher;

    @Inject
    DatabaseClock databaseClock;

    public CheckoutView startCheckout(Seller seller, CheckoutRequest request) {
        return (CheckoutView) batcher.submit(new StockRequest.HoldCart(seller, OrderViews.merge(request.lines), UUID.randomUUID(),
                request.customerRef, false, false, null));
    }

    public Optional<CheckoutView> checkout(CheckoutId id, Viewer viewer) {
        return Optional.ofNullable(em.find(Checkout.class, id.value())).filter(c -> OrderViews.visible(c.owner(), viewer))
                .map(c -> view(c, databaseClock.now()));
    }

    public OrderView confirmCheckout(CheckoutId id, PaymentRequest payment, Viewer viewer) {
        return confirmCheckout(id.value(), payment, viewer, null).order();
    }

    private PlacedOrder confirmCheckout(UUID id, PaymentRequest payment, Viewer viewer, IdempotentCall call) {
        requireToken(payment);
        // 1. Claim the checkout for payment.
        Checkout checkout = transactions.inTransaction(() -> {
            Checkout c = lockVisible(id, viewer);
            switch (c.status()) {
                case CONFIRMED -> throw new AlreadyConfirmed("checkout " + id + " is already an order", Map.of("orderId", String.valueOf(c.orderId())));
                case RELEASED -> throw new CheckoutReleased("checkout " + id + " was released");
                case EXPIRED -> throw expired(c);
                default -> {
                    // HELD, or PAYING again after a timeout: the capture below is idempotent per checkout.
                }
            }
            Instant now = databaseClock.now(); // expiry and the payment's start, as every instance sees them
            if (c.expiredAt(now)) {
                throw expired(c);
            }
            c.moveTo(CheckoutStatus.PAYING, now);
            return c;
        });
        return pay(checkout.id(), checkout.expiresAt(), Money.of(checkout.total()), payment, viewer, call);
    }

    /**
     * Steps 2 and 3 of a confirm, for a checkout that is PAYING: capture (no lock, no
     * transaction), then the order in the next stock batch.
     */
    private PlacedOrder pay(UUID id, Instant expiresAt, Money amount, PaymentRequest payment, Viewer viewer,
                            IdempotentCall call) {
        PaymentGateway.CaptureResult result;
        try {
            result = gateway.capture(id.toString(), payment.token, amount);
        } catch (PaymentUnavailable e) {
            transactions.inTransaction(() -> lockVisible(id, viewer).moveTo(CheckoutStatus.HELD, clock.instant()));
            throw new PaymentNotTaken("the payment could not be taken; nothing was charged. "
                    + "Try again.", Map.of("retryAfter", 2));
        }
        if (result instanceof PaymentGateway.Declined declined) {
            transactions.inTransaction(() -> {
                Checkout c = lockVisible(id, viewer);
                inventory.releaseHold(c.holdId(), viewer.actor());
                c.moveTo(CheckoutStatus.RELEASED, clock.instant());
                em.persist(new Payment(c.id(), Payment.DECLINE, c.total(), c.currency(), null, declined.reason(),
                        clock.instant()));
            });
            throw new PaymentDeclined(declined.reason() + "; the stock was released");
        }
        String captureRef = ((PaymentGateway.Captured) result).captureRef();

        // 3. Convert the hold into the order, all or nothing (StockBatch).
        try {
            return (PlacedOrder) batcher.submit(new StockRequest.ConfirmPaid(id, viewer, captureRef, call));
        } catch (Refusal e) {
            // The hold ran out (or was resolved) while the payment was taken: the capture goes back.
            if (e.kind() == Refusal.Kind.GONE || e.kind() == Refusal.Kind.CONFLICT) {
                refundExpired(id, viewer, captureRef, amount);
                throw expired(id, expiresAt);
            }
            throw e;
        }
    }

    /**
     * The hold expired while the payment was taken. The checkout is resolved first, under its
     * lock and only if it is still PAYING, so that this and {@link CheckoutRecovery} never both
     * refund the same capture; the refund follows the commit.
     */
    private void refundExpired(UUID id, Viewer viewer, String captureRef, Money amount) {
        boolean mine = transactions.inTransaction(() -> {
            Checkout c = em.find(Checkout.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (c.status() == CheckoutStatus.PAYING) {
                c.moveTo(CheckoutStatus.EXPIRED, clock.instant());
            }
            // Whoever records the refund of this capture first (this confirm or the recovery job) sends it.
            if (recovery.refunded(captureRef)) {
                return false;
            }
            em.persist(new Payment(id, Payment.CAPTURE, c.total(), c.currency(), captureRef, "hold expired", clock.instant()));
            em.persist(new Payment(id, Payment.REFUND, c.total(), c.currency(), captureRef, "hold expired", clock.instant()));
            return true;
        });
        if (!mine) {
            return;
        }
        try {
            gateway.refund(captureRef, amount, "checkout " + id + " expired during payment");
        } catch (RuntimeException e) {
            // The REFUND row above records what is owed; an operator can see and repeat it.
            LOG.log(Level.SEVERE, "Refund of " + captureRef + " for expired checkout " + id + " failed", e);
        }
    }

    public CheckoutView releaseCheckout(CheckoutId id, Viewer viewer) {
        return transactions.inTransaction(() -> {
            Checkout c = lockVisible(id.value(), viewer);
            if (c.status() != CheckoutStatus.HELD) {
                if (c.status() == CheckoutStatus.EXPIRED || c.expiredAt(databaseClock.now())) {
                    throw expired(c);
                }
                throw new CheckoutNotHeld("checkout " + id + " is " + c.status());
            }
            inventory.releaseHold(c.holdId(), viewer.actor());
            c.moveTo(CheckoutStatus.RELEASED, clock.instant());
            return view(c, clock.instant());
        });
    }

    public OrderView placeOrder(Seller seller, OrderRequest request) {
        return oneShot(seller, request, null, null).order();
    }

    public OrderView placeOrder(Seller seller, OrderRequest request, String requestKey) {
        return oneShot(seller, request, requestKey, null).order();
    }

    public PlacedOrder placeOrder(Seller seller, OrderRequest request, IdempotentCall call) {
        return oneShot(seller, request, call.key(), call);
    }

    private PlacedOrder oneShot(Seller seller, OrderRequest request, String requestKey, IdempotentCall call) {
        requireToken(request.payment);
        Viewer viewer = new Viewer(seller.owner(), false, seller.actor());
        UUID checkoutId = requestKey == null ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes(("order|" + seller.owner() + "|" + requestKey).getBytes(StandardCharsets.UTF_8));
        // The checkout is created already claimed for payment (PAYING), in the same batch as its hold
        // (and the key's claim).
        Object held = batcher.submit(new StockRequest.HoldCart(seller, OrderViews.merge(request.lines), checkoutId,
                request.customerRef, true, requestKey != null, call));
        if (held instanceof Replay replay) {
            return new PlacedOrder(null, null, replay.answer());
        }
        if (held instanceof ExistingCheckout earlier) {
            if (earlier.status() == CheckoutStatus.CONFIRMED) {
                LOG.info(() -> "One-shot order retried with key '" + requestKey + "': returning order " + earlier.orderId());
                return new PlacedOrder(OrderViews.view(em.find(CustomerOrder.class, earlier.orderId())), null, null);
            }
            return confirmCheckout(checkoutId, request.payment, viewer, call);
        }
        CheckoutView checkout = (CheckoutView) held;
        return pay(checkout.id(), checkout.expiresAt(), Money.of(checkout.total()), request.payment, viewer, call);
    }

    private static void requireToken(PaymentRequest payment) {
        if (payment == null || payment.token == null || payment.token.isBlank()) {
            throw new InvalidField("payment.token", "must not be blank");
        }
    }

    private Checkout lockVisible(UUID id, Viewer viewer) {
        Checkout c = em.find(Checkout.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !OrderViews.visible(c.owner(), viewer)) {
            throw new NotFound("no checkout " + id);
        }
        return c;
    }
}
