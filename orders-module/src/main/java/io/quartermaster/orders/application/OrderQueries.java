package io.quartermaster.orders.application;

import io.quartermaster.orders.api.OrderHistory;
import io.quartermaster.orders.api.OrderId;
import io.quartermaster.orders.api.OrderSearch;
import io.quartermaster.orders.api.OrderView;
import io.quartermaster.orders.api.OrdersPerHour;
import io.quartermaster.orders.api.Viewer;
import io.quartermaster.orders.domain.order.CustomerOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reading orders: one order (its view, its history) as its owner or the back office may see it,
 * a page of the search ({@link OrderSearches}), and the orders per channel and hour the dashboard
 * charts. An order that is not the viewer's reads as absent, never as forbidden, so a channel
 * cannot probe for other channels' order ids.
 */
@ApplicationScoped
class OrderQueries {

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    @Inject
    OrderSearches searches;

    @Inject
    OrderTimeline timeline;

    Optional<OrderView> order(OrderId id, Viewer viewer) {
        return visible(id, viewer).map(OrderViews::view);
    }

    Optional<OrderHistory> history(OrderId id, Viewer viewer) {
        return visible(id, viewer).map(timeline::of);
    }

    List<OrderView> page(Viewer viewer, OrderSearch search, int first, int max) {
        return searches.page(viewer, search, first, max).stream().map(OrderViews::view).toList();
    }

    long count(Viewer viewer, OrderSearch search) {
        return searches.count(viewer, search);
    }

    List<OrdersPerHour> perHour(Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select date_trunc('hour', placed_at), channel, count(*) from orders.customer_order
                        where placed_at >= ? and placed_at < ? group by 1, 2 order by 1, 2""")
                .setParameter(1, Timestamp.from(from)).setParameter(2, Timestamp.from(to))
                .getResultList();
        return rows.stream().map(r -> new OrdersPerHour(((Timestamp) r[0]).toInstant(), (String) r[1],
                ((Number) r[2]).longValue())).toList();
    }

    private Optional<CustomerOrder> visible(OrderId id, Viewer viewer) {
        return Optional.ofNullable(em.find(CustomerOrder.class, id.value()))
                .filter(o -> OrderViews.visible(o.owner(), viewer));
    }
}
