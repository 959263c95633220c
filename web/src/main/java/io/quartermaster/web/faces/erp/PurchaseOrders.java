package io.quartermaster.web.faces.erp;

import io.quartermaster.erp.api.GoodsReceipt;
import io.quartermaster.erp.api.NewPurchaseOrder;
import io.quartermaster.erp.api.PurchaseOrderId;
import io.quartermaster.erp.api.ReplenishmentFacade;
import io.quartermaster.erp.api.ReplenishmentViews.PurchaseOrderView;
import io.quartermaster.erp.api.ReplenishmentViews.VendorView;
import io.quartermaster.web.faces.Feedback;
import io.quartermaster.web.security.CurrentCaller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Purchase orders, automatic (raised by low-stock alerts) and manual: draft one, issue it, receive the
 * goods in one or several deliveries, or cancel it.
 */
@Named
@ViewScoped
public class PurchaseOrders implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ReplenishmentFacade replenishment;

    @Inject
    transient CurrentCaller caller;

    private String status;
    private List<PurchaseOrderView> orders;
    private PurchaseOrderView selected;
    /** Units arriving per SKU in the receipt being entered for {@link #selected}. */
    private final Map<String, Integer> arriving = new HashMap<>();

    private String vendor;
    private final List<NewLine> lines = new ArrayList<>(List.of(new NewLine()));

    @PostConstruct
    void load() {
        orders = replenishment.purchaseOrders(status);
        if (selected != null) {
            selected = replenishment.purchaseOrder(new PurchaseOrderId(selected.id()));
        }
    }

    private transient java.util.Map<String, String> vendorNames;

    public void filter() {
        load();
    }

    public void select(PurchaseOrderView order) {
        selected = replenishment.purchaseOrder(new PurchaseOrderId(order.id()));
        arriving.clear();
    }

    public void issue() {
        Feedback.attempt("order", () -> replenishment.issue(new PurchaseOrderId(selected.id()), caller.name()), "Purchase order issued to " + selected.vendor() + ".");
        load();
    }

    public void cancel() {
        Feedback.attempt("order", () -> replenishment.cancel(new PurchaseOrderId(selected.id()), caller.name()), "Purchase order cancelled.");
        load();
    }

    public void receive() {
        List<GoodsReceipt.Line> received = new ArrayList<>();
        for (PurchaseOrderView.Line line : selected.lines()) {
            Integer quantity = arriving.get(line.sku());
            if (quantity != null && quantity > 0) {
                received.add(new GoodsReceipt.Line(line.sku(), quantity, line.unitCost()));
            }
        }
        if (received.isEmpty()) {
            Feedback.error("order", null, "Enter how many units of at least one line arrived.");
            return;
        }
        if (Feedback.succeeds("order", () -> replenishment.receive(new PurchaseOrderId(selected.id()), Feedback.valid(new GoodsReceipt(received)), caller.name()),
                "Goods received and put on hand.")) {
            arriving.clear();
        }
        load();
    }

    public void addLine() {
        lines.add(new NewLine());
    }

    public void create() {
        List<NewPurchaseOrder.Line> orderLines = new ArrayList<>();
        for (NewLine l : lines) {
            if (l.sku != null && !l.sku.isBlank()) {
                NewPurchaseOrder.Line line = new NewPurchaseOrder.Line();
                line.sku = l.sku.trim();
                line.location = l.location;
                line.quantity = l.quantity;
                line.unitCost = l.unitCost;
                orderLines.add(line);
            }
        }
        Feedback.attempt("create", () -> replenishment.createPurchaseOrder(Feedback.valid(new NewPurchaseOrder(vendor, orderLines)),
                caller.name()), "Draft purchase order created; issue it to send it.").ifPresent(po -> {
                    selected = po;
                    vendor = null;
                    lines.clear();
                    lines.add(new NewLine());
                    load();
                });
    }

    /** "ACME Acme Tools Ltd": a vendor as people know it, its code first. */
    public String vendorName(String code) {
        if (vendorNames == null) {
            vendorNames = new java.util.HashMap<>();
            replenishment.vendors().forEach(v -> vendorNames.put(v.code(), v.name()));
        }
        String name = vendorNames.get(code);
        return name == null ? code : code + " " + name;
    }

    /** What a line costs (ordered × unit cost); null when the line has no cost yet. */
    public BigDecimal lineTotal(PurchaseOrderView.Line line) {
        return line.unitCost() == null ? null : line.unitCost().multiply(BigDecimal.valueOf(line.quantity()))
                .setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** What the order costs; null while a line has no cost (it is given at receipt). */
    public BigDecimal total(PurchaseOrderView order) {
        BigDecimal total = BigDecimal.ZERO;
        for (PurchaseOrderView.Line line : order.lines()) {
            BigDecimal amount = lineTotal(line);
            if (amount == null) {
                return null;
            }
            total = total.add(amount);
        }
        return total;
    }

    public int received(PurchaseOrderView order) {
        return order.lines().stream().mapToInt(PurchaseOrderView.Line::received).sum();
    }

    public int ordered(PurchaseOrderView order) {
        return order.lines().stream().mapToInt(PurchaseOrderView.Line::quantity).sum();
    }

    /** A line of the manual order being written. */
    public static class NewLine implements Serializable {

        private static final long serialVersionUID = 1L;

        private String sku;
        private String location;
        private Integer quantity;
        private BigDecimal unitCost;

        public String getSku() {
            return sku;
        }

        public void setSku(String sku) {
            this.sku = sku;
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
    }

    public List<String> getStatuses() {
        return List.of("DRAFT", "ISSUED", "PARTIALLY_RECEIVED", "RECEIVED", "CANCELLED");
    }

    public List<VendorView> getVendors() {
        return replenishment.vendors();
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public List<PurchaseOrderView> getOrders() {
        return orders;
    }

    public PurchaseOrderView getSelected() {
        return selected;
    }

    public Map<String, Integer> getArriving() {
        return arriving;
    }

    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }

    public List<NewLine> getLines() {
        return lines;
    }
}
