package io.quartermaster.orders.application;

import static io.quartermaster.orders.application.OrderViews.view;

import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.orders.api.ChannelView;
import io.quartermaster.orders.api.CheckoutRequest;
import io.quartermaster.orders.api.CheckoutView;
import io.quartermaster.orders.api.OrderFacade;
import io.quartermaster.orders.api.OrderHistory;
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
import io.quartermaster.orders.domain.order.CustomerOrder;
import io.quartermaster.platform.api.check.InvariantCheck;
import io.quartermaster.platform.api.idempotency.IdempotentCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The orders module's facade: checkouts and one-shot orders ({@link Checkouts}), cancels and
 * returns ({@link Returns}), sales channels ({@link SalesChannels}) and the order searches
 * ({@link OrderSearches}) live in their own classes; reading one order (its view, its history)
 * and the orders per hour stay here.
 */
@ApplicationScoped
public class Orders implements OrderFacade {

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    @Inject
    InventoryFacade inventory;

    @Inject
    OrderInvariants invariantChecks;

    @Inject
    StockBatcher batcher;

    @Inject
    Checkouts checkouts;

    @Inject
    OrderTimeline timeline;

    @Inject
    OrderSearches searches;

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
    public Optional<CheckoutView> checkout(UUID id, Viewer viewer) {
        return checkouts.checkout(id, viewer);
    }

    @Override
    public OrderView confirmCheckout(UUID id, PaymentRequest payment, Viewer viewer) {
        return checkouts.confirmCheckout(id, payment, viewer);
    }

    @Override
    public CheckoutView releaseCheckout(UUID id, Viewer viewer) {
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

    // ---------------------------------------------------------------- orders

    @Override
    public Optional<OrderView> order(UUID id, Viewer viewer) {
        return Optional.ofNullable(em.find(CustomerOrder.class, id)).filter(o -> OrderViews.visible(o.owner(), viewer)).map(OrderViews::view);
    }

    @Override
    public List<OrderView> orders(Viewer viewer, String channel, String status, int limit) {
        return orders(viewer, new OrderSearch(channel, status, null, null), 0, limit);
    }

    @Override
    public List<OrderView> orders(Viewer viewer, OrderSearch search, int first, int max) {
        return searches.page(viewer, search, first, max).stream().map(OrderViews::view).toList();
    }

    @Override
    public long countOrders(Viewer viewer, OrderSearch search) {
        return searches.count(viewer, search);
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
    public Optional<OrderHistory> history(UUID id, Viewer viewer) {
        return Optional.ofNullable(em.find(CustomerOrder.class, id)).filter(o -> OrderViews.visible(o.owner(), viewer))
                .map(timeline::of);
    }

    @Override
    public OrderView cancel(UUID id, Viewer viewer) {
        return returns.cancel(id, viewer);
    }

    @Override
    public OrderView returnLines(UUID id, ReturnRequest request, Viewer viewer) {
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
    public List<String> locationsOf(String channel) {
        return channels.channel(channel).locations();
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
