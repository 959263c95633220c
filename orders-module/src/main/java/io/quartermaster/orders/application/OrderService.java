package io.quartermaster.orders.application;

import io.quartermaster.inventory.api.CartLine;
import io.quartermaster.inventory.api.HoldView;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.PlaceHold;
import io.quartermaster.inventory.api.ProductView;
import io.quartermaster.orders.api.ChannelView;
import io.quartermaster.orders.api.CheckoutRequest;
import io.quartermaster.orders.api.CheckoutView;
import io.quartermaster.orders.api.LineRequest;
import io.quartermaster.orders.api.OrderFacade;
import io.quartermaster.orders.api.OrderRequest;
import io.quartermaster.orders.api.OrderView;
import io.quartermaster.orders.api.OrdersPerHour;
import io.quartermaster.orders.api.OrderSearch;
import io.quartermaster.orders.api.PaymentRequest;
import io.quartermaster.orders.api.PutChannel;
import io.quartermaster.orders.api.ReturnRequest;
import io.quartermaster.orders.api.Seller;
import io.quartermaster.orders.api.Viewer;
import io.quartermaster.orders.api.event.OrderCancelled;
import io.quartermaster.orders.api.event.OrderLine;
import io.quartermaster.orders.api.event.OrderPlaced;
import io.quartermaster.orders.api.event.OrderReturned;
import io.quartermaster.orders.domain.order.Checkout;
import io.quartermaster.orders.domain.order.CheckoutStatus;
import io.quartermaster.orders.domain.order.CustomerOrder;
import io.quartermaster.orders.domain.order.OrderItem;
import io.quartermaster.orders.domain.order.OrderRefusal;
import io.quartermaster.orders.domain.order.OrderStatus;
import io.quartermaster.orders.domain.order.PricedLine;
import io.quartermaster.orders.domain.order.SalesChannel;
import io.quartermaster.orders.domain.payment.Payment;
import io.quartermaster.orders.domain.payment.PaymentGateway;
import io.quartermaster.orders.domain.payment.PaymentUnavailable;
import io.quartermaster.platform.api.Money;
import io.quartermaster.platform.api.check.InvariantCheck;
import io.quartermaster.platform.api.event.Outbox;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checkout and orders. The order of operations of a confirm is what keeps it from
 * overselling or losing money:
 * <ol>
 * <li>transaction 1 — the checkout is HELD (its stock is reserved by the hold) and moves to PAYING;</li>
 * <li>the payment is captured, outside any transaction, idempotently per checkout id;</li>
 * <li>transaction 2 — the hold is converted into SALE movements and the order, its payment
 *     record and {@code OrderPlaced} are written, all or nothing;</li>
 * <li>if transaction 2 finds the hold expired (the sweeper released the units, maybe to
 *     someone else) the capture is refunded and the answer is 410; if the capture was
 *     declined the hold is released and the answer is 402.</li>
 * </ol>
 * Units are only ever sold through a hold that still holds them, so no channel can sell
 * what another holds; and money is only kept when the order exists.
 */
@ApplicationScoped
public class OrderService implements OrderFacade {

    private static final Logger LOG = Logger.getLogger(OrderService.class.getName());

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    @Inject
    InventoryFacade inventory;

    @Inject
    OrderInvariants invariantChecks;

    @Inject
    PaymentGateway gateway;

    @Inject
    Outbox outbox;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Inject
    CheckoutRecovery recovery;

    @Inject
    StockAdmission admission;

    // ---------------------------------------------------------------- checkout

    @Override
    public CheckoutView startCheckout(Seller seller, CheckoutRequest request) {
        return startCheckout(seller, request, UUID.randomUUID());
    }

    private CheckoutView startCheckout(Seller seller, CheckoutRequest request, UUID checkoutId) {
        List<CartLine> cart = merge(request.lines);
        UUID holdId = UUID.randomUUID();
        return admission.admit(() -> transactions.inTransaction(() -> {
            // Channel and products are read in the transaction: reads outside one, from the container's
            // worker threads, sometimes met an EntityManager that was being closed (EclipseLink NPE).
            SalesChannel channel = channel(seller.channel());
            Map<String, ProductView> products = new LinkedHashMap<>();
            for (CartLine line : cart) {
                String sku = line.sku();
                products.put(sku, inventory.product(sku).filter(ProductView::active).orElseThrow(() ->
                        new ProblemException(404, "Unknown SKU", "no product " + sku + " for sale", Map.of("skus", List.of(sku)))));
            }
            Instant now = clock.instant();
            Instant expiresAt = channel.holdTtlSeconds() == null ? null : now.plusSeconds(channel.holdTtlSeconds());
            List<PricedLine> priced = cart.stream().map(l -> {
                ProductView p = products.get(l.sku());
                return new PricedLine(l.sku(), l.quantity(), p.price(), p.taxRate());
            }).toList();
            // The checkout is written first and the hold — which locks the stock rows — last, so that
            // a hot row stays locked only for the hold's own statements and the commit.
            Checkout checkout = new Checkout(checkoutId, channel.code(), seller.owner(), holdId, request.customerRef,
                    priced, expiresAt, now);
            em.persist(checkout);
            em.flush();
            inventory.placeHold(new PlaceHold(holdId, channel.code(), seller.owner(),
                    "checkout:" + checkoutId, channel.locations(), cart, expiresAt, seller.actor()));
            return view(checkout);
        }));
    }

    @Override
    public Optional<CheckoutView> checkout(UUID id, Viewer viewer) {
        return Optional.ofNullable(em.find(Checkout.class, id)).filter(c -> visible(c.owner(), viewer)).map(this::view);
    }

    @Override
    public OrderView confirmCheckout(UUID id, PaymentRequest payment, Viewer viewer) {
        if (payment == null || payment.token == null || payment.token.isBlank()) {
            throw ProblemException.invalidField("payment.token", "must not be blank");
        }
        // 1. Claim the checkout for payment.
        Checkout checkout = transactions.inTransaction(() -> {
            Checkout c = lockVisible(id, viewer);
            switch (c.status()) {
                case CONFIRMED -> throw new ProblemException(409, "Already confirmed",
                        "checkout " + id + " is already an order", Map.of("orderId", String.valueOf(c.orderId())));
                case RELEASED -> throw new ProblemException(409, "Checkout released", "checkout " + id + " was released");
                case EXPIRED -> throw expired(c);
                default -> {
                    // HELD, or PAYING again after a timeout: the capture below is idempotent per checkout.
                }
            }
            if (c.expiredAt(clock.instant())) {
                throw expired(c);
            }
            c.moveTo(CheckoutStatus.PAYING, clock.instant());
            return c;
        });
        Money amount = Money.of(checkout.total());

        // 2. Capture, holding no lock and no transaction.
        PaymentGateway.CaptureResult result;
        try {
            result = gateway.capture(checkout.id().toString(), payment.token, amount);
        } catch (PaymentUnavailable e) {
            transactions.inTransaction(() -> lockVisible(id, viewer).moveTo(CheckoutStatus.HELD, clock.instant()));
            throw new ProblemException(503, "Payment unavailable", "the payment could not be taken; nothing was charged. "
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
            throw new ProblemException(402, "Payment declined", declined.reason() + "; the stock was released");
        }
        String captureRef = ((PaymentGateway.Captured) result).captureRef();

        // 3. Convert the hold into the order, all or nothing.
        try {
            return admission.admit(() -> transactions.inTransaction(() -> placeOrder(id, viewer, captureRef)));
        } catch (ProblemException e) {
            if (e.status() == 410 || e.status() == 409) {
                refundExpired(id, viewer, captureRef, amount);
                throw expired(checkout);
            }
            throw e;
        }
    }

    private OrderView placeOrder(UUID checkoutId, Viewer viewer, String captureRef) {
        Checkout c = lockVisible(checkoutId, viewer);
        if (c.status() == CheckoutStatus.CONFIRMED) {
            // A retry after a lost answer: the order exists already.
            return view(em.find(CustomerOrder.class, c.orderId()));
        }
        if (c.status() != CheckoutStatus.PAYING) {
            // Resolved meanwhile (expired by recovery): the capture is refunded by the caller.
            throw expired(c);
        }
        UUID orderId = UUID.randomUUID();
        Instant now = clock.instant();
        // The order is written from the hold's lines before the hold is confirmed: confirming locks
        // the stock rows, and they should stay locked only for the sale's own statements and the
        // commit. If the hold can no longer be confirmed (expired, released), confirmHold throws and
        // the whole transaction — this order included — rolls back.
        HoldView hold = inventory.hold(c.holdId()).orElseThrow(() -> expired(c));
        Map<String, PricedLine> prices = new LinkedHashMap<>();
        c.lines().forEach(l -> prices.put(l.sku(), l));
        List<OrderItem> items = hold.lines().stream()
                .map(l -> new OrderItem(l.sku(), l.location(), l.quantity(), prices.get(l.sku()).unitPrice(),
                        prices.get(l.sku()).taxRate()))
                .toList();
        CustomerOrder order = new CustomerOrder(orderId, c, items, captureRef, now);
        em.persist(order);
        em.persist(new Payment(c.id(), Payment.CAPTURE, c.total(), c.currency(), captureRef, null, now));
        c.confirmed(orderId, now);
        outbox.publish(new OrderPlaced(orderId, order.channel(), eventLines(items), order.subtotal(), order.tax(),
                order.total(), order.currency(), now));
        em.flush();
        HoldView confirmed = inventory.confirmHold(c.holdId(), orderId.toString(), viewer.actor());
        if (!confirmed.lines().equals(hold.lines())) {
            throw new IllegalStateException("hold " + c.holdId() + " changed while it was confirmed: " + hold.lines()
                    + " → " + confirmed.lines());
        }
        return view(order);
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

    @Override
    public CheckoutView releaseCheckout(UUID id, Viewer viewer) {
        return transactions.inTransaction(() -> {
            Checkout c = lockVisible(id, viewer);
            if (c.status() != CheckoutStatus.HELD) {
                if (c.status() == CheckoutStatus.EXPIRED || c.expiredAt(clock.instant())) {
                    throw expired(c);
                }
                throw new ProblemException(409, "Checkout not held", "checkout " + id + " is " + c.status());
            }
            inventory.releaseHold(c.holdId(), viewer.actor());
            c.moveTo(CheckoutStatus.RELEASED, clock.instant());
            return view(c);
        });
    }

    @Override
    public OrderView placeOrder(Seller seller, OrderRequest request) {
        return placeOrder(seller, request, null);
    }

    @Override
    public OrderView placeOrder(Seller seller, OrderRequest request, String requestKey) {
        if (request.payment == null || request.payment.token == null || request.payment.token.isBlank()) {
            throw ProblemException.invalidField("payment.token", "must not be blank");
        }
        Viewer viewer = new Viewer(seller.owner(), false, seller.actor());
        UUID checkoutId = requestKey == null ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes(("order|" + seller.owner() + "|" + requestKey).getBytes(StandardCharsets.UTF_8));
        if (requestKey != null) {
            Optional<Checkout> earlier = Optional.ofNullable(em.find(Checkout.class, checkoutId))
                    .filter(c -> visible(c.owner(), viewer));
            if (earlier.isPresent() && earlier.get().status() == CheckoutStatus.CONFIRMED) {
                LOG.info(() -> "One-shot order retried with key '" + requestKey + "': returning order " + earlier.get().orderId());
                return view(em.find(CustomerOrder.class, earlier.get().orderId()));
            }
            if (earlier.isPresent()) {
                return confirmCheckout(checkoutId, request.payment, viewer);
            }
        }
        CheckoutView checkout = startCheckout(seller, new CheckoutRequest(request.lines, request.customerRef), checkoutId);
        return confirmCheckout(checkout.id(), request.payment, viewer);
    }

    // ---------------------------------------------------------------- orders

    @Override
    public Optional<OrderView> order(UUID id, Viewer viewer) {
        return Optional.ofNullable(em.find(CustomerOrder.class, id)).filter(o -> visible(o.owner(), viewer)).map(this::view);
    }

    @Override
    public List<OrderView> orders(Viewer viewer, String channel, String status, int limit) {
        return orders(viewer, new OrderSearch(channel, status, null, null), 0, limit);
    }

    @Override
    public List<OrderView> orders(Viewer viewer, OrderSearch search, int first, int max) {
        return search(viewer, search, "o", CustomerOrder.class).setFirstResult(first).setMaxResults(max)
                .getResultStream().map(this::view).toList();
    }

    @Override
    public long countOrders(Viewer viewer, OrderSearch search) {
        return search(viewer, search, "count(o)", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> search(Viewer viewer, OrderSearch search, String select, Class<T> type) {
        StringBuilder jpql = new StringBuilder("select " + select + " from CustomerOrder o where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (!viewer.staff()) {
            jpql.append(" and o.owner = :owner");
            parameters.put("owner", viewer.owner());
        }
        if (search.channel() != null) {
            jpql.append(" and o.channel = :channel");
            parameters.put("channel", search.channel());
        }
        if (search.status() != null) {
            jpql.append(" and o.status = :status");
            try {
                parameters.put("status", OrderStatus.valueOf(search.status()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("status", "one of PLACED, CANCELLED, PARTIALLY_RETURNED, RETURNED");
            }
        }
        if (search.placedFrom() != null) {
            jpql.append(" and o.placedAt >= :from");
            parameters.put("from", search.placedFrom());
        }
        if (search.placedTo() != null) {
            jpql.append(" and o.placedAt < :to");
            parameters.put("to", search.placedTo());
        }
        if (!select.startsWith("count")) {
            jpql.append(" order by o.placedAt desc");
        }
        TypedQuery<T> query = em.createQuery(jpql.toString(), type);
        parameters.forEach(query::setParameter);
        return query;
    }

    @Override
    public List<OrdersPerHour> ordersPerHour(Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select date_trunc('hour', placed_at), channel, count(*) from orders.customer_order
                        where placed_at >= ? and placed_at < ? group by 1, 2 order by 1, 2""")
                .setParameter(1, java.sql.Timestamp.from(from)).setParameter(2, java.sql.Timestamp.from(to))
                .getResultList();
        return rows.stream().map(r -> new OrdersPerHour(((java.sql.Timestamp) r[0]).toInstant(), (String) r[1],
                ((Number) r[2]).longValue())).toList();
    }

    @Override
    public OrderView cancel(UUID id, Viewer viewer) {
        return giveBack(id, viewer, null);
    }

    @Override
    public OrderView returnLines(UUID id, ReturnRequest request, Viewer viewer) {
        return giveBack(id, viewer, merge(request.lines));
    }

    /** Cancel (lines null) or return: stock back through RETURN movements, money back through the gateway. */
    private OrderView giveBack(UUID id, Viewer viewer, List<CartLine> lines) {
        record Outcome(OrderView order, String captureRef, Money amount) {
        }
        Outcome outcome = transactions.inTransaction(() -> {
            CustomerOrder order = Optional.ofNullable(em.find(CustomerOrder.class, id, LockModeType.PESSIMISTIC_WRITE))
                    .filter(o -> visible(o.owner(), viewer))
                    .orElseThrow(() -> ProblemException.notFound("no order " + id));
            Instant now = clock.instant();
            CustomerOrder.Refund refund;
            try {
                if (lines == null) {
                    refund = order.cancel(now);
                } else {
                    Map<String, Integer> quantities = new LinkedHashMap<>();
                    lines.forEach(l -> quantities.put(l.sku(), l.quantity()));
                    refund = order.returnItems(quantities, now);
                }
            } catch (OrderRefusal e) {
                throw new ProblemException(409, "Order state", e.getMessage(), Map.of("orderStatus", order.status().name()));
            }
            Map<String, Integer> back = new LinkedHashMap<>();
            refund.items().forEach(i -> back.merge(i.sku(), i.quantity(), Integer::sum));
            if (!back.isEmpty()) {
                inventory.returnSold(id.toString(), back.entrySet().stream()
                        .map(e -> new CartLine(e.getKey(), e.getValue())).toList(), viewer.actor());
            }
            List<OrderLine> eventLines = refund.items().stream()
                    .map(i -> new OrderLine(i.sku(), i.location(), i.quantity(), i.unitPrice(), i.taxRate(),
                            i.priced().lineTotal()))
                    .toList();
            var totals = refund.totals();
            if (lines == null) {
                outbox.publish(new OrderCancelled(id, order.channel(), eventLines, totals.subtotal().amount(),
                        totals.tax().amount(), totals.total().amount(), order.currency(), now));
            } else {
                outbox.publish(new OrderReturned(id, order.channel(), eventLines, totals.subtotal().amount(),
                        totals.tax().amount(), totals.total().amount(), order.currency(), now));
            }
            em.persist(new Payment(order.checkoutId(), Payment.REFUND, totals.total().amount(), order.currency(),
                    order.paymentRef(), lines == null ? "order cancelled" : "items returned", now));
            return new Outcome(view(order), order.paymentRef(), totals.total());
        });
        // The refund leaves after the commit: a refund must never go out for a return that rolled back.
        try {
            gateway.refund(outcome.captureRef(), outcome.amount(), "order " + id);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Refund of " + outcome.amount() + " for order " + id + " failed; recorded for retry", e);
        }
        return outcome.order();
    }

    // ---------------------------------------------------------------- channels

    @Override
    public List<ChannelView> channels() {
        return em.createQuery("select c from SalesChannel c order by c.code", SalesChannel.class)
                .getResultStream().map(OrderService::view).toList();
    }

    @Override
    public ChannelView putChannel(String code, PutChannel request) {
        if (code == null || !code.matches("^[A-Z][A-Z0-9_]{1,31}$")) {
            throw ProblemException.invalidField("code", "2 to 32 upper-case letters, digits or '_'");
        }
        List<String> known = inventory.locations().stream().map(l -> l.code()).toList();
        for (int i = 0; i < request.locations.size(); i++) {
            if (!known.contains(request.locations.get(i))) {
                throw ProblemException.invalidField("locations[" + i + "]", "no location " + request.locations.get(i));
            }
        }
        return transactions.inTransaction(() -> {
            SalesChannel channel = em.find(SalesChannel.class, code);
            if (channel == null) {
                channel = new SalesChannel(code, request.name, request.holdTtlSeconds, request.locations);
                em.persist(channel);
            } else {
                channel.update(request.name, request.holdTtlSeconds, request.locations);
            }
            return view(channel);
        });
    }

    @Override
    public List<String> locationsOf(String channel) {
        return channel(channel).locations();
    }

    // ---------------------------------------------------------------- helpers

    private SalesChannel channel(String code) {
        SalesChannel channel = code == null ? null : em.find(SalesChannel.class, code);
        if (channel == null) {
            throw new ProblemException(403, "Unknown channel", "channel " + code + " is not configured for sales");
        }
        return channel;
    }

    private Checkout lockVisible(UUID id, Viewer viewer) {
        Checkout c = em.find(Checkout.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !visible(c.owner(), viewer)) {
            throw ProblemException.notFound("no checkout " + id);
        }
        return c;
    }

    private static boolean visible(String owner, Viewer viewer) {
        return viewer.staff() || owner.equals(viewer.owner());
    }

    private ProblemException expired(Checkout c) {
        return new ProblemException(410, "Checkout expired", "the hold of checkout " + c.id() + " expired at "
                + c.expiresAt() + "; nothing was charged (or the charge was refunded)");
    }

    /** Request lines as cart lines, merged by the one cart rule the inventory applies too. */
    private static List<CartLine> merge(List<LineRequest> lines) {
        return CartLine.merge(lines == null ? null : lines.stream()
                .map(l -> l == null ? null : new CartLine(l.sku, l.quantity == null ? 0 : l.quantity))
                .toList());
    }

    private static List<OrderLine> eventLines(List<OrderItem> items) {
        return items.stream().map(i -> new OrderLine(i.sku(), i.location(), i.quantity(), i.unitPrice(), i.taxRate(),
                i.unitPrice().multiply(BigDecimal.valueOf(i.quantity())))).toList();
    }

    private CheckoutView view(Checkout c) {
        return new CheckoutView(c.id(), c.visibleStatus(clock.instant()).name(), c.channel(), c.expiresAt(),
                c.lines().stream().map(l -> new CheckoutView.Line(l.sku(), l.quantity(), l.unitPrice(),
                        l.lineTotal().setScale(2))).toList(),
                c.subtotal(), c.tax(), c.total(), c.currency(), c.customerRef(), c.orderId());
    }

    private OrderView view(CustomerOrder o) {
        return new OrderView(o.id(), o.status().name(), o.channel(),
                o.items().stream().map(i -> new OrderView.Line(i.sku(), i.location(), i.quantity(), i.returnedQuantity(),
                        i.unitPrice(), i.taxRate(), i.unitPrice().multiply(BigDecimal.valueOf(i.quantity())).setScale(2)))
                        .toList(),
                o.subtotal(), o.tax(), o.total(), o.currency(), o.customerRef(), o.placedAt(), o.checkoutId());
    }

    private static ChannelView view(SalesChannel c) {
        return new ChannelView(c.code(), c.name(), c.holdTtlSeconds(), c.locations());
    }

    @Override
    public List<InvariantCheck> invariants() {
        return invariantChecks.run();
    }
}
