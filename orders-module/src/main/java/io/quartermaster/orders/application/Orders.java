package io.quartermaster.orders.application;

import io.quartermaster.inventory.api.LocationCode;
import io.quartermaster.orders.api.ChannelView;
import io.quartermaster.orders.api.CheckoutId;
import io.quartermaster.orders.api.CheckoutRequest;
import io.quartermaster.orders.api.CheckoutView;
import io.quartermaster.orders.api.OrderFacade;
import io.quartermaster.orders.api.OrderHistory;
import io.quartermaster.orders.api.OrderId;
import io.quartermaster.orders.api.OrderRequest;
import io.quartermaster.orders.api.OrderSearch;
import io.quartermaster.orders.api.OrderView;
import io.quartermaster.orders.api.OrdersPerHour;
import io.quartermaster.orders.api.PaymentRequest;
import io.quartermaster.orders.api.PlacedOrder;
import io.quartermaster.orders.api.PutChannel;
import io.quartermaster.orders.api.ReturnRequest;
import io.quartermaster.orders.api.Seller;
import io.quartermaster.orders.api.StockBatchSizes;
import io.quartermaster.orders.api.Viewer;
import io.quartermaster.platform.api.check.InvariantCheck;
import io.quartermaster.platform.api.idempotency.IdempotentCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The orders module's facade, and nothing but: each call goes to the use case that owns it —
 * checkouts and one-shot orders ({@link Checkouts}), cancels and returns ({@link Returns}),
 * reading orders ({@link OrderQueries}), sales channels ({@link SalesChannels}), the stock
 * batches' sizes ({@link StockBatcher}) and the module's invariants ({@link OrderInvariants}).
 */
@ApplicationScoped
public class Orders implements OrderFacade {

    @Inject
    OrderInvariants invariantChecks;

    @Inject
    StockBatcher batcher;

    @Inject
    Checkouts checkouts;

    @Inject
    OrderQueries queries;

    @Inject
    Returns returns;

    @Inject
    SalesChannels channels;

    // ---------------------------------------------------------------- checkouts (Checkouts)

    @Override
    public CheckoutView startCheckout(Seller seller, CheckoutRequest request) {
        return checkouts.startCheckout(seller, request);
    }

    @Override
    public Optional<CheckoutView> checkout(CheckoutId id, Viewer viewer) {
        return checkouts.checkout(id, viewer);
    }

    @Override
    public OrderView confirmCheckout(CheckoutId id, PaymentRequest payment, Viewer viewer) {
        return checkouts.confirmCheckout(id, payment, viewer);
    }

    @Override
    public CheckoutView releaseCheckout(CheckoutId id, Viewer viewer) {
        return checkouts.releaseCheckout(id, viewer);
    }

    @Override
    public OrderView placeOrder(Seller seller, OrderRequest request) {
        return checkouts.placeOrder(seller, request);
    }

    @Override
    public OrderView placeOrder(Seller seller, OrderRequest request, String requestKey) {
        return checkouts.placeOrder(seller, request, requestKey);
    }

    @Override
    public PlacedOrder placeOrder(Seller seller, OrderRequest request, IdempotentCall call) {
        return checkouts.placeOrder(seller, request, call);
    }

    // ---------------------------------------------------------------- orders (OrderQueries, Returns)

    @Override
    public Optional<OrderView> order(OrderId id, Viewer viewer) {
        return queries.order(id, viewer);
    }

    @Override
    public List<OrderView> orders(Viewer viewer, String channel, String status, int limit) {
        return queries.page(viewer, new OrderSearch(channel, status, null, null), 0, limit);
    }

    @Override
    public List<OrderView> orders(Viewer viewer, OrderSearch search, int first, int max) {
        return queries.page(viewer, search, first, max);
    }

    @Override
    public long countOrders(Viewer viewer, OrderSearch search) {
        return queries.count(viewer, search);
    }

    @Override
    public List<OrdersPerHour> ordersPerHour(Instant from, Instant to) {
        return queries.perHour(from, to);
    }

    @Override
    public Optional<OrderHistory> history(OrderId id, Viewer viewer) {
        return queries.history(id, viewer);
    }

    @Override
    public OrderView cancel(OrderId id, Viewer viewer) {
        return returns.cancel(id, viewer);
    }

    @Override
    public OrderView returnLines(OrderId id, ReturnRequest request, Viewer viewer) {
        return returns.returnLines(id, request, viewer);
    }

    // ---------------------------------------------------------------- channels (SalesChannels)

    @Override
    public List<ChannelView> channels() {
        return channels.all();
    }

    @Override
    public ChannelView putChannel(String code, PutChannel request) {
        return channels.put(code, request);
    }

    @Override
    public List<LocationCode> locationsOf(String channel) {
        return channels.channel(channel).locations().stream().map(LocationCode::new).toList();
    }

    @Override
    public StockBatchSizes stockBatchSizes() {
        return batcher.sizes();
    }

    @Override
    public List<InvariantCheck> invariants() {
        return invariantChecks.run();
    }
}
