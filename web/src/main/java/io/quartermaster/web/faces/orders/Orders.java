package io.quartermaster.web.faces.orders;

import io.quartermaster.orders.api.ChannelView;
import io.quartermaster.orders.api.OrderFacade;
import io.quartermaster.orders.api.OrderSearch;
import io.quartermaster.orders.api.OrderView;
import io.quartermaster.web.faces.Feedback;
import io.quartermaster.web.faces.Formats;
import io.quartermaster.web.security.Callers;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The orders workbench: search by order number, SKU or customer reference, filter by channel, status
 * and day placed, sort by a column — all in the database, a page at a time, with the count.
 */
@Named
@ViewScoped
public class Orders implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OrderFacade orders;

    @Inject
    transient Callers callers;

    @Inject
    transient Formats formats;

    private String text;
    private String channel;
    private String status;
    private LocalDate from;
    private LocalDate to;
    private final Lazy table = new Lazy();

    private OrderSearch search(Map<String, SortMeta> sortBy) {
        ZoneId zone = formats.zoneId();
        OrderSearch.Sort sort = OrderSearch.Sort.PLACED;
        boolean ascending = false;
        for (SortMeta meta : sortBy.values()) {
            if (meta.getOrder() != SortOrder.UNSORTED) {
                sort = column(meta.getField());
                ascending = meta.getOrder() == SortOrder.ASCENDING;
                break;
            }
        }
        return new OrderSearch(channel, status, from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), text, sort, ascending);
    }

    private static OrderSearch.Sort column(String field) {
        return switch (field == null ? "" : field) {
            case "total" -> OrderSearch.Sort.TOTAL;
            case "status" -> OrderSearch.Sort.STATUS;
            case "channel" -> OrderSearch.Sort.CHANNEL;
            case "customerRef" -> OrderSearch.Sort.CUSTOMER;
            default -> OrderSearch.Sort.PLACED;
        };
    }

    /** Search pressed: a "to" before the "from" is said next to the field instead of showing nothing. */
    public void find() {
        if (from != null && to != null && to.isBefore(from)) {
            Feedback.error("search", "to", "The last day (" + formats.day(to) + ") is before the first ("
                    + formats.day(from) + "): choose a day on or after it.");
        }
    }

    public boolean isRangeValid() {
        return from == null || to == null || !to.isBefore(from);
    }

    public List<ChannelView> getChannels() {
        return orders.channels();
    }

    public List<String> getStatuses() {
        return List.of("PLACED", "CANCELLED", "PARTIALLY_RETURNED", "RETURNED");
    }

    public class Lazy extends LazyDataModel<OrderView> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return isRangeValid() ? (int) orders.countOrders(callers.viewer(), search(Map.of())) : 0;
        }

        @Override
        public List<OrderView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            if (!isRangeValid()) {
                setRowCount(0);
                return List.of();
            }
            // Counted with every page: the search fields are not PrimeFaces filters, so it would keep the old count.
            OrderSearch search = search(sortBy);
            setRowCount((int) orders.countOrders(callers.viewer(), search));
            return orders.orders(callers.viewer(), search, first, pageSize);
        }

        @Override
        public String getRowKey(OrderView order) {
            return order.id().toString();
        }
    }

    public Lazy getTable() {
        return table;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
