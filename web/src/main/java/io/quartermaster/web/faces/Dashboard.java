package io.quartermaster.web.faces;

import io.quartermaster.erp.api.LedgerFacade;
import io.quartermaster.erp.api.LedgerViews.LedgerLag;
import io.quartermaster.erp.api.ReplenishmentFacade;
import io.quartermaster.erp.api.ReplenishmentViews.SettingView;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.StockView;
import io.quartermaster.orders.api.OrderFacade;
import io.quartermaster.orders.api.OrdersPerHour;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The landing page: what needs attention today, for every back-office role. */
@Named
@ViewScoped
public class Dashboard implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient InventoryFacade inventory;

    @Inject
    transient OrderFacade orders;

    @Inject
    transient ReplenishmentFacade replenishment;

    @Inject
    transient LedgerFacade ledger;

    private BigDecimal stockValue;
    private long skusBelowReorderPoint;
    private int openAlerts;
    private Map<String, Long> ordersTodayByChannel;
    private long ordersToday;
    private String ordersChart;
    private LedgerLag lag;

    @PostConstruct
    public void load() {
        stockValue = inventory.valuation().stream().map(StockView.Valuation::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        skusBelowReorderPoint = replenishment.settings().stream()
                .filter(s -> s.projected() != null && s.projected() < s.reorderPoint())
                .map(SettingView::sku).distinct().count();
        openAlerts = replenishment.alerts("OPEN").size();
        lag = ledger.lag();

        ZoneId zone = ZoneId.systemDefault();
        ZonedDateTime now = ZonedDateTime.now(zone);
        Instant startOfDay = now.truncatedTo(ChronoUnit.DAYS).toInstant();
        ZonedDateTime firstHour = now.truncatedTo(ChronoUnit.HOURS).minusHours(23);
        List<OrdersPerHour> counts = orders.ordersPerHour(firstHour.toInstant(), now.plusMinutes(1).toInstant());
        ordersTodayByChannel = new TreeMap<>();
        orders.channels().forEach(c -> ordersTodayByChannel.put(c.code(), 0L));
        counts.stream().filter(c -> !c.hour().isBefore(startOfDay))
                .forEach(c -> ordersTodayByChannel.merge(c.channel(), c.orders(), Long::sum));
        ordersToday = ordersTodayByChannel.values().stream().mapToLong(Long::longValue).sum();

        List<String> labels = new ArrayList<>();
        Map<String, List<Long>> series = new TreeMap<>();
        ordersTodayByChannel.keySet().forEach(channel -> series.put(channel, new ArrayList<>()));
        DateTimeFormatter hourLabel = DateTimeFormatter.ofPattern("HH:00");
        for (int h = 0; h < 24; h++) {
            Instant hour = firstHour.plusHours(h).toInstant();
            labels.add(firstHour.plusHours(h).format(hourLabel));
            series.forEach((channel, values) -> values.add(counts.stream()
                    .filter(c -> c.channel().equals(channel) && c.hour().equals(hour))
                    .mapToLong(OrdersPerHour::orders).sum()));
        }
        ordersChart = Charts.stackedBars(labels, series, "orders");
    }

    public BigDecimal getStockValue() {
        return stockValue;
    }

    public long getSkusBelowReorderPoint() {
        return skusBelowReorderPoint;
    }

    public int getOpenAlerts() {
        return openAlerts;
    }

    public Map<String, Long> getOrdersTodayByChannel() {
        return ordersTodayByChannel;
    }

    public List<Map.Entry<String, Long>> getOrdersTodayList() {
        return new ArrayList<>(ordersTodayByChannel.entrySet());
    }

    public long getOrdersToday() {
        return ordersToday;
    }

    public String getOrdersChart() {
        return ordersChart;
    }

    public LedgerLag getLag() {
        return lag;
    }
}
