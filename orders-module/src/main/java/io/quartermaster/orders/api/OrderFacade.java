package io.quartermaster.orders.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Checkout and orders. Payment capture never runs inside a stock transaction: hold (one
 * transaction) → capture → confirm (another). Refusals are {@code ProblemException}s:
 * 404 not found (or not the caller's), 409 insufficient stock or wrong state, 402 declined,
 * 410 the hold expired (the capture is refunded).
 */
public interface OrderFacade {

    CheckoutView startCheckout(Seller seller, CheckoutRequest request);

    Optional<CheckoutView> checkout(UUID id, Viewer viewer);

    OrderView confirmCheckout(UUID id, PaymentRequest payment, Viewer viewer);

    CheckoutView releaseCheckout(UUID id, Viewer viewer);

    OrderView placeOrder(Seller seller, OrderRequest request);

    Optional<OrderView> order(UUID id, Viewer viewer);

    List<OrderView> orders(Viewer viewer, String channel, String status, int limit);

    OrderView cancel(UUID id, Viewer viewer);

    OrderView returnLines(UUID id, ReturnRequest request, Viewer viewer);

    List<ChannelView> channels();

    ChannelView putChannel(String code, PutChannel channel);

    /** The location codes a channel sells from, in order of preference. */
    List<String> locationsOf(String channel);
}
