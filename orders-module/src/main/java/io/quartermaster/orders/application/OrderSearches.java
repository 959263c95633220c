package io.quartermaster.orders.application;

import io.quartermaster.orders.api.OrderSearch;
import io.quartermaster.orders.api.Viewer;
import io.quartermaster.orders.domain.order.CustomerOrder;
import io.quartermaster.orders.domain.order.OrderStatus;
import io.quartermaster.platform.api.persistence.LikePatterns;
import io.quartermaster.platform.api.problem.InvalidField;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The back office's order search, in SQL: filters, the free-text search (the start of the order number,
 * a SKU on one of its lines, part of the customer reference), the sorted column and the page, so a list
 * of any length costs one page of rows. Customers (channels) see only their own orders.
 */
@ApplicationScoped
class OrderSearches {

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    List<CustomerOrder> page(Viewer viewer, OrderSearch search, int first, int max) {
        Where where = where(viewer, search);
        String order = switch (search.sort()) {
            case PLACED -> "o.placed_at";
            case TOTAL -> "o.total";
            case STATUS -> "o.status";
            case CHANNEL -> "o.channel";
            case CUSTOMER -> "o.customer_ref";
        } + (search.ascending() ? " asc nulls first" : " desc nulls last") + ", o.placed_at desc, o.id";
        Query query = em.createNativeQuery("select cast(o.id as text) from orders.customer_order o" + where.sql
                + " order by " + order + " limit " + Math.max(0, max) + " offset " + Math.max(0, first));
        where.bind(query);
        List<UUID> ids = ((List<?>) query.getResultList()).stream().map(id -> UUID.fromString((String) id)).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, CustomerOrder> found = em.createQuery("select o from CustomerOrder o where o.id in :ids", CustomerOrder.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(CustomerOrder::id, Function.identity()));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    long count(Viewer viewer, OrderSearch search) {
        Where where = where(viewer, search);
        Query query = em.createNativeQuery("select count(*) from orders.customer_order o" + where.sql);
        where.bind(query);
        return ((Number) query.getSingleResult()).longValue();
    }

    private record Where(String sql, List<Object> parameters) {

        void bind(Query query) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
        }
    }

    private static Where where(Viewer viewer, OrderSearch search) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (!viewer.staff()) {
            conditions.add("o.owner = ?");
            parameters.add(viewer.owner());
        }
        if (search.channel() != null) {
            conditions.add("o.channel = ?");
            parameters.add(search.channel());
        }
        if (search.status() != null) {
            try {
                parameters.add(OrderStatus.valueOf(search.status()).name());
            } catch (IllegalArgumentException e) {
                throw new InvalidField("status", "one of " + Arrays.stream(OrderStatus.values())
                        .map(Enum::name).collect(Collectors.joining(", ")));
            }
            conditions.add("o.status = ?");
        }
        if (search.placedFrom() != null) {
            conditions.add("o.placed_at >= ?");
            parameters.add(Timestamp.from(search.placedFrom()));
        }
        if (search.placedTo() != null) {
            conditions.add("o.placed_at < ?");
            parameters.add(Timestamp.from(search.placedTo()));
        }
        if (search.text() != null) {
            String text = search.text().toLowerCase(Locale.ROOT);
            conditions.add("(cast(o.id as text) like ? or exists (select 1 from orders.order_line l"
                    + " where l.order_id = o.id and upper(l.sku) = ?) or lower(o.customer_ref) like ?)");
            parameters.add(LikePatterns.startingWith(text));
            parameters.add(search.text().toUpperCase(Locale.ROOT));
            parameters.add(LikePatterns.containing(text));
        }
        // The numbered placeholders EclipseLink's native queries bind: ?1, ?2, …
        StringBuilder sql = new StringBuilder(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions));
        int n = 0;
        for (int at = sql.indexOf("?"); at >= 0; at = sql.indexOf("?", at + 1)) {
            String numbered = "?" + (++n);
            sql.replace(at, at + 1, numbered);
            at += numbered.length() - 1;
        }
        return new Where(sql.toString(), parameters);
    }
}
