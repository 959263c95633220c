package io.quartermaster.web.faces.inventory;

import io.quartermaster.inventory.api.AdjustStock;
import io.quartermaster.inventory.api.CountStock;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.LocationView;
import io.quartermaster.inventory.api.MovementView;
import io.quartermaster.inventory.api.Page;
import io.quartermaster.inventory.api.ProductView;
import io.quartermaster.inventory.api.ReceiveStock;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.inventory.api.StockView;
import io.quartermaster.inventory.api.TransferStock;
import io.quartermaster.web.faces.Charts;
import io.quartermaster.web.faces.Feedback;
import io.quartermaster.web.security.CurrentCaller;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * One SKU's stock: the level at every location, a chart of on hand over time, the movement history
 * (paged in the database), and the receive / adjust / transfer / count forms.
 */
@Named
@ViewScoped
public class Stock implements Serializable {

    private static final long serialVersionUID = 1L;
    /** How far back the chart reaches. */
    private static final int CHART_MOVEMENTS = 500;

    @Inject
    transient io.quartermaster.web.faces.Formats formats;

    @Inject
    transient InventoryFacade inventory;

    @Inject
    transient CurrentCaller caller;

    private String sku;
    private ProductView product;
    private StockView stock;
    private String chart;
    private final Movements movements = new Movements();

    private String location;
    private Integer quantity;
    private BigDecimal unitCost;
    private String reference;
    private Integer delta;
    private String reason;
    private String toLocation;
    private Integer counted;

    /** Called when the page opens with {@code ?sku=} and after every change. */
    public void load() {
        product = null;
        stock = null;
        chart = null;
        if (sku == null || sku.isBlank()) {
            return;
        }
        sku = sku.trim();
        product = inventory.product(new Sku(sku)).orElse(null);
        if (product == null) {
            Feedback.error(null, null, "There is no product " + sku + ".");
            return;
        }
        stock = inventory.stock(new Sku(sku));
        chart = chart();
    }

    /**
     * On hand per location after each of the latest movements, walking back from today's levels, placed
     * by time, and held until now.
     */
    private String chart() {
        List<MovementView> latest = new ArrayList<>(inventory.movements(new Sku(sku), 0, CHART_MOVEMENTS).items());
        java.util.Collections.reverse(latest);
        Map<String, Integer> level = new LinkedHashMap<>();
        stock.levels().forEach(l -> level.put(l.location(), l.onHand()));
        latest.forEach(m -> level.merge(m.location(), -m.quantity(), Integer::sum));
        Map<String, List<Charts.Point>> series = new LinkedHashMap<>();
        // Where each location stood just before the first movement shown, so every line starts there.
        long start = latest.isEmpty() ? 0 : latest.get(0).occurredAt().toEpochMilli() - 1;
        level.forEach((location, units) -> series.put(location, new ArrayList<>(latest.isEmpty() ? List.of()
                : List.of(new Charts.Point(start, units)))));
        for (MovementView m : latest) {
            level.merge(m.location(), m.quantity(), Integer::sum);
            series.computeIfAbsent(m.location(), k -> new ArrayList<>())
                    .add(new Charts.Point(m.occurredAt().toEpochMilli(), level.get(m.location())));
        }
        long now = java.time.Instant.now().toEpochMilli();
        series.forEach((location, points) -> points.add(new Charts.Point(now, level.getOrDefault(location, 0))));
        return Charts.steppedTimeLines(series, "units on hand", formats.zone());
    }

    public void receive() {
        ReceiveStock command = new ReceiveStock();
        command.sku = sku;
        command.location = location;
        command.quantity = quantity;
        command.unitCost = unitCost;
        command.reference = reference;
        if (Feedback.succeeds("forms:receive", () -> inventory.receive(Feedback.valid(command), caller.name()),
                "Received " + quantity + " × " + sku + " at " + location + ".")) {
            done();
        }
    }

    public void adjust() {
        AdjustStock command = new AdjustStock();
        command.sku = sku;
        command.location = location;
        command.quantityDelta = delta;
        command.reason = reason;
        if (Feedback.succeeds("forms:adjust", () -> inventory.adjust(Feedback.valid(command), caller.name()),
                "Adjusted " + sku + " at " + location + " by " + delta + ".")) {
            done();
        }
    }

    public void transfer() {
        TransferStock command = new TransferStock();
        command.sku = sku;
        command.fromLocation = location;
        command.toLocation = toLocation;
        command.quantity = quantity;
        if (Feedback.succeeds("forms:transfer", () -> inventory.transfer(Feedback.valid(command), caller.name()),
                "Moved " + quantity + " × " + sku + " from " + location + " to " + toLocation + ".")) {
            done();
        }
    }

    public void count() {
        CountStock command = new CountStock();
        command.sku = sku;
        command.location = location;
        command.countedQuantity = counted;
        command.reason = reason;
        if (Feedback.succeeds("forms:count", () -> inventory.count(Feedback.valid(command), caller.name()),
                "Counted " + counted + " × " + sku + " at " + location + ".")) {
            done();
        }
    }

    private void done() {
        quantity = null;
        unitCost = null;
        reference = null;
        delta = null;
        reason = null;
        counted = null;
        load();
    }

    public List<LocationView> getLocations() {
        return inventory.locations();
    }

    /** The movement history, newest first, one database page at a time. */
    public class Movements extends LazyDataModel<MovementView> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return stock == null ? 0 : (int) inventory.movements(new Sku(sku), 0, 1).total();
        }

        @Override
        public List<MovementView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            if (stock == null) {
                return List.of();
            }
            InventoryFacade.MovementSort sort = InventoryFacade.MovementSort.WHEN;
            boolean ascending = false;
            for (SortMeta meta : sortBy.values()) {
                if (meta.getOrder() != org.primefaces.model.SortOrder.UNSORTED) {
                    sort = switch (meta.getField() == null ? "" : meta.getField()) {
                        case "kind" -> InventoryFacade.MovementSort.KIND;
                        case "quantity" -> InventoryFacade.MovementSort.QUANTITY;
                        case "value" -> InventoryFacade.MovementSort.VALUE;
                        case "actor" -> InventoryFacade.MovementSort.ACTOR;
                        default -> InventoryFacade.MovementSort.WHEN;
                    };
                    ascending = meta.getOrder() == org.primefaces.model.SortOrder.ASCENDING;
                    break;
                }
            }
            Page<MovementView> page = inventory.movements(new Sku(sku), first / pageSize, pageSize, sort, ascending);
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(MovementView movement) {
            return String.valueOf(movement.id());
        }
    }

    public Movements getMovements() {
        return movements;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public ProductView getProduct() {
        return product;
    }

    public StockView getStock() {
        return stock;
    }

    public String getChart() {
        return chart;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    public BigDecimal getUnitCost() {
        return unitCost;
    }

    public void setUnitCost(BigDecimal unitCost) {
        this.unitCost = unitCost;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public Integer getDelta() {
        return delta;
    }

    public void setDelta(Integer delta) {
        this.delta = delta;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getToLocation() {
        return toLocation;
    }

    public void setToLocation(String toLocation) {
        this.toLocation = toLocation;
    }

    public Integer getCounted() {
        return counted;
    }

    public void setCounted(Integer counted) {
        this.counted = counted;
    }
}
