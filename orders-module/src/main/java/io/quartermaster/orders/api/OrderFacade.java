package io.quartermaster.orders.api;

import io.quartermaster.inventory.api.LocationCode;
import io.quartermaster.platform.api.check.InvariantCheck;
import io.quartermaster.platform.api.idempotency.IdempotentCall;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checkout and orders. Payment capture never runs inside a stock transaction: hold (one
 * transaction) → capture → confirm (another). Refusals are named ({@code api.refusal}):
 * {@code NotFound} (or not the caller's), {@code InsufficientStock} or a wrong state,
 * {@code PaymentDeclined}, {@code CheckoutExpired} (the capture is refunded).
 */
public interface OrderFacade {

    CheckoutView startCheckout(Seller seller, CheckoutRequest request);

    Optional<CheckoutView> checkout(CheckoutId id, Viewer viewer);

    OrderView confirmCheckout(CheckoutId id, PaymentRequest payment, Viewer viewer);

    CheckoutView releaseCheckout(CheckoutId id, Viewer viewer);

    OrderView placeOrder(Seller seller, OrderRequest request);

    /**
     * A one-shot order that is idempotent per {@code requestKey} (the caller's Idempotency-Key):
     * the checkout id is derived from the seller's owner and the key, so a retry whose first try
     * may have committed (the answer was lost, the instance died, the database went away at
     * commit) finds that checkout and finishes or returns it instead of selling again.
     */
    OrderView placeOrder(Seller seller, OrderRequest request, String requestKey);

    /**
     * The same, with the Idempotency-Key's claim written in the order's hold batch and its
     * answer stored in the order's confirm batch (DESIGN.md §2): no transactions of their own.
     * A key whose first call finished answers that call's stored answer instead.
     */
    PlacedOrder placeOrder(Seller seller, OrderRequest request, IdempotentCall call);

    Optional<OrderView> order(OrderId id, Viewer viewer);

    List<OrderView> orders(Viewer viewer, String channel, String status, int limit);

    /** One page of the orders that match, newest first (the back office pages on the server). */
    List<OrderView> orders(Viewer viewer, OrderSearch search, int first, int max);

    long countOrders(Viewer viewer, OrderSearch search);

    /** Orders per channel and hour placed in [from, to), for every channel. */
    List<OrdersPerHour> ordersPerHour(Instant from, Instant to);

    /** What happened to the order, oldest first; empty when there is no such order (or it is not the viewer's). */
    Optional<OrderHistory> history(OrderId id, Viewer viewer);

    OrderView cancel(OrderId id, Viewer viewer);

    OrderView returnLines(OrderId id, ReturnRequest request, Viewer viewer);

    List<ChannelView> channels();

    ChannelView putChannel(String code, PutChannel channel);

    /** The location codes a channel sells from, in order of preference. */
    List<LocationCode> locationsOf(String channel);

    /** How the stock batches of this instance were sized. */
    StockBatchSizes stockBatchSizes();

    /** This module's invariants (orders ↔ SALE movements ↔ OrderPlaced events), in the caller's transaction. */
    List<InvariantCheck> invariants();
}
