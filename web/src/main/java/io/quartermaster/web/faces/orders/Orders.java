package io.quartermaster.web.faces.orders;

import io.quartermaster.orders.api.ChannelView;
import io.quartermaster.orders.api.OrderFacade;
import io.quartermaster.orders.api.OrderSearch;
import io.quartermaster.orders.api.OrderView;
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

/** Order search by channel, status and day placed; newest first, paged in the database. */
@Named
@ViewScoped
public class Orders implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OrderFacade orders;

    @Inject
    transient Callers callers;

    private String channel;
    private String status;
    private LocalDate from;
    private LocalDate to;
    private final Lazy table = new Lazy();

    private OrderSearch search() {
        ZoneId zone = ZoneId.systemDefault();
        return new OrderSearch(channel, status, from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
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
            return (int) orders.countOrders(callers.viewer(), search());
        }

        @Override
        public List<OrderView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return orders.orders(callers.viewer(), search(), first, pageSize);
        }

        @Override
        public String getRowKey(OrderView order) {
            return order.id().toString();
        }
    }

    public Lazy getTable() {
        return table;
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
