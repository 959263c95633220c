package io.quartermaster.orders.application;

import static io.quartermaster.orders.application.OrderViews.eventLines;
import static io.quartermaster.orders.application.OrderViews.expired;
import static io.quartermaster.orders.application.OrderViews.view;

import io.quartermaster.inventory.api.CartLine;
import io.quartermaster.inventory.api.ConfirmHold;
import io.quartermaster.inventory.api.HoldCommand;
import io.quartermaster.inventory.api.HoldId;
import io.quartermaster.inventory.api.HoldOutcome;
import io.quartermaster.inventory.api.HoldView;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.PlaceHold;
import io.quartermaster.inventory.api.ProductView;
import io.quartermaster.inventory.api.SetAllotment;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.inventory.api.refusal.AmountLimit;
import io.quartermaster.inventory.api.refusal.UnknownSku;
import io.quartermaster.orders.api.OrderView;
import io.quartermaster.orders.api.PlacedOrder;
import io.quartermaster.orders.api.event.OrderPlaced;
import io.quartermaster.orders.api.refusal.UnknownChannel;
import io.quartermaster.orders.domain.order.Checkout;
import io.quartermaster.orders.domain.order.CheckoutStatus;
import io.quartermaster.orders.domain.order.CustomerOrder;
import io.quartermaster.orders.domain.order.OrderItem;
import io.quartermaster.orders.domain.order.PricedLine;
import io.quartermaster.orders.domain.order.SalesChannel;
import io.quartermaster.orders.domain.order.Totals;
import io.quartermaster.orders.domain.payment.Payment;
import io.quartermaster.platform.api.Money;
import io.quartermaster.platform.api.event.Outbox;
import io.quartermaster.platform.api.idempotency.IdempotencyKeys;
import io.quartermaster.platform.api.idempotency.IdempotentCall;
import io.quartermaster.platform.api.problem.NotFound;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.platform.api.tx.DatabaseClock;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The transaction of one stock batch (DESIGN.md §2 "Group commit"): what the batch's
 * requests need is read once (channels, products, the checkouts to confirm — locked, in id
 * order), the inventory applies every hold command against the union of their stock rows
 * locked once, and the checkouts, orders, payments and events of the accepted requests are
 * written; one commit for all. The answer of request i is at index i: its value, or the
 * {@link ProblemException} that refuses it alone.
 *
 * <p>Lock order, as everywhere: checkout, then hold, then stock rows in (location, SKU) order.
 * Expiry is the database's clock: new holds expire at its {@code now()} plus the channel's
 * time to live, and a confirm is refused once that moment has passed there.
 */
@ApplicationScoped
public class StockBatch {

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    @Inject
    InventoryFacade inventory;

    @Inject
    Outbox outbox;

    @Inject
    Transactions transactions;

    @Inject
    DatabaseClock databaseClock;

    @Inject
    Clock clock;

    @Inject
    IdempotencyKeys keys;

    @Inject
    RegisterSettlement settlement;

    /** JSON-B as the API writes answers (Yasson's defaults: what web's JsonConfig changes only applies to reading). */
    private static final Jsonb JSON = JsonbBuilder.create();

    /** A request that became a hold command, and what it needs once the inventory has decided. */
    private record Prepared(int request, HoldCommand command, Checkout checkout, List<PricedLine> priced, UUID orderId) {
    }

    /**
     * The answers of a committed batch, and what to mark on the requests' Idempotency-Keys now
     * that the commit made it true (claimed, answer stored).
     */
    public record Done(List<Object> answers, List<Runnable> committed) {
    }

    public Done run(List<StockRequest> requests) {
        return transactions.inTransaction(() -> decide(requests));
    }

    private Done decide(List<StockRequest> requests) {
        Instant now = databaseClock.now();
        Object[] answers = new Object[requests.size()];
        List<Runnable> committed = new ArrayList<>();
        claimKeys(requests, answers, committed);
        Map<String, SalesChannel> channels = new HashMap<>();
        TreeSet<Sku> skus = new TreeSet<>();
        List<UUID> resumable = new ArrayList<>();
        TreeSet<UUID> toConfirm = new TreeSet<>();
        for (StockRequest request : requests) {
            if (request instanceof StockRequest.Allot || request instanceof StockRequest.Settle) {
                continue; // decided by the inventory alone, or by the settlement
            }
            if (request instanceof StockRequest.HoldCart hold) {
                hold.cart().forEach(l -> skus.add(new Sku(l.sku())));
                channels.computeIfAbsent(String.valueOf(hold.seller().channel()), code -> em.find(SalesChannel.class, code));
                if (hold.resumable()) {
                    resumable.add(hold.checkoutId());
                }
            } else {
                toConfirm.add(request.checkoutId());
            }
        }
        Map<Sku, ProductView> products = inventory.products(skus);
        Map<UUID, Checkout> existing = new HashMap<>();
        if (!resumable.isEmpty()) {
            em.createQuery("select c from Checkout c where c.id in :ids", Checkout.class)
                    .setParameter("ids", resumable).getResultStream().forEach(c -> existing.put(c.id(), c));
        }
        Map<UUID, Checkout> locked = new HashMap<>();
        if (!toConfirm.isEmpty()) {
            em.createQuery("select c from Checkout c where c.id in :ids order by c.id", Checkout.class)
                    .setParameter("ids", new ArrayList<>(toConfirm))
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint("eclipselink.refresh", "true")
                    .getResultStream().forEach(c -> locked.put(c.id(), c));
        }

        List<Prepared> prepared = new ArrayList<>();
        Map<Integer, RegisterSettlement.Pending> settling = new java.util.TreeMap<>();
        for (int i = 0; i < requests.size(); i++) {
            StockRequest request = requests.get(i);
            if (answers[i] != null) {
                continue; // answered by its key: a replay or a refusal
            }
            try {
                if (request instanceof StockRequest.Settle settle) {
                    RegisterSettlement.Pending pending = settlement.prepare(settle);
                    settling.put(i, pending);
                    for (HoldCommand command : pending.commands()) {
                        prepared.add(new Prepared(i, command, null, null, null));
                    }
                } else if (request instanceof StockRequest.Allot allot) {
                    prepared.add(new Prepared(i, new SetAllotment(allot.holder(), allot.location(), allot.targets(),
                            allot.actor()), null, null, null));
                } else if (request instanceof StockRequest.HoldCart hold) {
                    Checkout earlier = existing.get(hold.checkoutId());
                    if (earlier != null) {
                        answers[i] = new ExistingCheckout(earlier.id(), earlier.status(), earlier.orderId());
                    } else {
                        prepared.add(prepareHold(i, hold, channels, products, now));
                    }
                } else {
                    StockRequest.ConfirmPaid confirm = (StockRequest.ConfirmPaid) request;
                    Checkout c = locked.get(confirm.checkoutId());
                    if (c == null || !(confirm.viewer().staff() || c.owner().equals(confirm.viewer().owner()))) {
                        throw new NotFound("no checkout " + confirm.checkoutId());
                    }
                    if (c.status() == CheckoutStatus.CONFIRMED) {
                        // A retry after a lost answer: the order exists already.
                        answers[i] = new PlacedOrder(view(em.find(CustomerOrder.class, c.orderId())), null, null);
                    } else if (c.status() != CheckoutStatus.PAYING) {
                        // Resolved meanwhile (expired by recovery): the capture is refunded by the caller.
                        throw expired(c);
                    } else {
                        UUID orderId = UUID.randomUUID();
                        prepared.add(new Prepared(i, new ConfirmHold(c.holdId(), orderId.toString(), confirm.viewer().actor()),
                                c, c.lines(), orderId));
                    }
                }
            } catch (ProblemException refusal) {
                answers[i] = refusal;
            }
        }

        List<IdempotencyKeys.Answer> stored = new ArrayList<>();
        List<OrderPlaced> placed = new ArrayList<>();
        List<HoldOutcome> outcomes = prepared.isEmpty() ? List.of()
                : inventory.applyHolds(prepared.stream().map(Prepared::command).toList());
        for (int p = 0; p < prepared.size(); p++) {
            Prepared item = prepared.get(p);
            HoldOutcome outcome = outcomes.get(p);
            if (settling.containsKey(item.request())) {
                settling.get(item.request()).decided(outcome);
            } else if (outcome.refused()) {
                answers[item.request()] = outcome.refusal();
            } else if (item.command() instanceof SetAllotment) {
                answers[item.request()] = outcome.allotments();
            } else if (item.command() instanceof PlaceHold) {
                em.persist(item.checkout());
                answers[item.request()] = view(item.checkout(), now);
            } else {
                StockRequest.ConfirmPaid confirm = (StockRequest.ConfirmPaid) requests.get(item.request());
                OrderView order = placeOrder(item, outcome.hold(), confirm, placed);
                String json = null;
                if (confirm.call() != null) {
                    // The answer the API returns, written once: stored here for replay and sent as it is.
                    json = JSON.toJson(order);
                    stored.add(new IdempotencyKeys.Answer(confirm.call(), 201, "application/json", json));
                    committed.add(confirm.call()::markAnswerStored);
                }
                answers[item.request()] = new PlacedOrder(order, json, null);
            }
        }
        settling.forEach((i, pending) -> answers[i] = pending.record(placed));
        outbox.publishAll(placed);
        keys.storeAll(stored);
        return new Done(java.util.Arrays.asList(answers), committed);
    }

    /** The keys of one-shot orders, claimed with one statement; a key used before answers for its request. */
    private void claimKeys(List<StockRequest> requests, Object[] answers, List<Runnable> committed) {
        List<Integer> indexes = new ArrayList<>();
        List<IdempotentCall> calls = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i) instanceof StockRequest.HoldCart hold && hold.call() != null) {
                indexes.add(i);
                calls.add(hold.call());
            }
        }
        if (calls.isEmpty()) {
            return;
        }
        List<IdempotencyKeys.Claim> claims = keys.claimAll(calls);
        for (int c = 0; c < calls.size(); c++) {
            IdempotencyKeys.Claim claim = claims.get(c);
            if (claim.mine()) {
                committed.add(calls.get(c)::markClaimed);
            } else if (claim.replay() != null) {
                answers[indexes.get(c)] = new Replay(claim.replay());
            } else {
                answers[indexes.get(c)] = claim.refusal();
            }
        }
    }

    private Prepared prepareHold(int index, StockRequest.HoldCart request, Map<String, SalesChannel> channels,
                                 Map<Sku, ProductView> products, Instant now) {
        SalesChannel channel = channels.get(String.valueOf(request.seller().channel()));
        if (channel == null) {
            throw new UnknownChannel("channel " + request.seller().channel()
                    + " is not configured for sales");
        }
        List<String> unknown = request.cart().stream().map(CartLine::sku)
                .filter(sku -> {
                    ProductView product = products.get(new Sku(sku));
                    return product == null || !product.active();
                }).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownSku("no product " + String.join(", ", unknown) + " for sale",
                    Map.of("skus", unknown));
        }
        Instant expiresAt = channel.holdTtlSeconds() == null ? null : now.plusSeconds(channel.holdTtlSeconds());
        List<PricedLine> priced = request.cart().stream().map(l -> {
            ProductView product = products.get(new Sku(l.sku()));
            return new PricedLine(l.sku(), l.quantity(), product.price(), product.taxRate());
        }).toList();
        BigDecimal total = Totals.of(priced).total().amount();
        if (total.compareTo(Money.MAX_AMOUNT) > 0) {
            throw new AmountLimit("the order's total, " + total.toPlainString()
                    + ", is beyond the limit of " + Money.MAX_AMOUNT.toPlainString() + " an order holds",
                    Map.of("total", total, "limit", Money.MAX_AMOUNT));
        }
        HoldId holdId = HoldId.random();
        Instant at = now; // the database's clock: CheckoutRecovery measures a payment's time against it
        Checkout checkout = new Checkout(request.checkoutId(), channel.code(), request.seller().owner(), holdId,
                request.customerRef(), priced, expiresAt, at);
        if (request.paying()) {
            checkout.moveTo(CheckoutStatus.PAYING, at);
        }
        return new Prepared(index, new PlaceHold(holdId, channel.code(), request.seller().owner(),
                "checkout:" + request.checkoutId(), channel.locations(), request.cart(), expiresAt,
                request.seller().actor()), checkout, priced, null);
    }

    /**
     * The order and its payment record, from the lines the confirmed hold sold; its
     * {@code OrderPlaced} goes into {@code placed}, stored with the batch's others.
     */
    private OrderView placeOrder(Prepared item, HoldView sold, StockRequest.ConfirmPaid request, List<OrderPlaced> placed) {
        Checkout c = item.checkout();
        Instant now = clock.instant();
        Map<String, PricedLine> prices = new LinkedHashMap<>();
        item.priced().forEach(l -> prices.put(l.sku(), l));
        List<OrderItem> items = sold.lines().stream()
                .map(l -> new OrderItem(l.sku(), l.location(), l.quantity(), prices.get(l.sku()).unitPrice(),
                        prices.get(l.sku()).taxRate()))
                .toList();
        CustomerOrder order = new CustomerOrder(item.orderId(), c, items, request.captureRef(), now);
        em.persist(order);
        em.persist(new Payment(c.id(), Payment.CAPTURE, c.total(), c.currency(), request.captureRef(), null, now));
        c.confirmed(item.orderId(), now);
        placed.add(new OrderPlaced(item.orderId(), order.channel(), eventLines(items), order.subtotal(), order.tax(),
                order.total(), order.currency(), now, null, false));
        return view(order);
    }
}
