package io.quartermaster.erp.application;

import io.quartermaster.erp.api.GoodsReceipt;
import io.quartermaster.erp.api.NewPurchaseOrder;
import io.quartermaster.erp.api.PutReplenishment;
import io.quartermaster.erp.api.PutVendor;
import io.quartermaster.erp.api.ReplenishmentFacade;
import io.quartermaster.erp.api.ReplenishmentViews.AlertView;
import io.quartermaster.erp.api.ReplenishmentViews.PurchaseOrderView;
import io.quartermaster.erp.api.ReplenishmentViews.SettingView;
import io.quartermaster.erp.api.ReplenishmentViews.VendorView;
import io.quartermaster.erp.api.event.LowStockDetected;
import io.quartermaster.erp.api.event.PurchaseOrderIssued;
import io.quartermaster.erp.api.refusal.NoSuchLocation;
import io.quartermaster.erp.api.refusal.OverReceipt;
import io.quartermaster.erp.api.refusal.UnknownVendor;
import io.quartermaster.erp.api.refusal.WrongPurchaseOrderState;
import io.quartermaster.erp.domain.purchasing.PoStatus;
import io.quartermaster.erp.domain.replenishment.AlertStatus;
import io.quartermaster.erp.domain.replenishment.ReorderMaths;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.ReceiveStock;
import io.quartermaster.inventory.api.StockView;
import io.quartermaster.platform.api.event.Outbox;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Replenishment. Projected stock = available (from the stock events, newest version wins)
 * + on order (open PO lines not yet received). Every evaluation of a SKU at a location holds
 * the lock of its settings row, so concurrent events for it queue; partial unique indexes make
 * "one open alert" and "one open automatic PO line" hold in the database as well.
 */
@ApplicationScoped
public class Purchasing implements ReplenishmentFacade {

    @PersistenceContext(unitName = "erp")
    EntityManager em;

    @Inject
    InventoryFacade inventory;

    @Inject
    Outbox outbox;

    @Inject
    Transactions transactions;

    @Inject
    Vendors vendorBook;

    @Inject
    PurchaseOrderQueries orders;

    @Inject
    @ConfigProperty(name = "qm.replenishment.service-level", defaultValue = "0.95")
    double serviceLevel;

    // ---------------------------------------------------------------- from stock events

    /** Applies a stock level's state from an event (if newer) and re-evaluates it; runs in the consumer's transaction. */
    public void onStockLevel(String sku, String location, int available, long version) {
        boolean watched = !em.createNativeQuery("select 1 from erp.replenishment where sku = ?1 and location = ?2 for update")
                .setParameter(1, sku).setParameter(2, location).getResultList().isEmpty();
        em.createNativeQuery("insert into erp.stock_projection (sku, location, available, version) values (?1, ?2, ?3, ?4) "
                        + "on conflict (sku, location) do update set available = excluded.available, version = excluded.version, "
                        + "updated_at = now() where erp.stock_projection.version < excluded.version")
                .setParameter(1, sku).setParameter(2, location).setParameter(3, available).setParameter(4, version)
                .executeUpdate();
        if (watched) {
            evaluate(sku, location, true);
        }
    }

    private record Setting(int reorderPoint, int maxLevel, String vendor, int packSize, int minimum, BigDecimal unitCost,
                           boolean issueAutomatically) {
    }

    /** Under the settings row lock: open or close the alert, and order if nothing is on its way yet. */
    private void evaluate(String sku, String location, boolean mayOrder) {
        Setting setting = setting(sku, location, true);
        int projected = available(sku, location) + onOrder(sku, location);
        if (projected > setting.reorderPoint()) {
            em.createNativeQuery("update erp.low_stock_alert set status = '" + AlertStatus.CLOSED + "', closed_at = now() "
                            + "where sku = ?1 and location = ?2 and status = '" + AlertStatus.OPEN + "'")
                    .setParameter(1, sku).setParameter(2, location).executeUpdate();
            return;
        }
        UUID alertId = UUID.randomUUID();
        int opened = em.createNativeQuery("insert into erp.low_stock_alert (id, sku, location, status, projected, reorder_point) "
                        + "values (?1, ?2, ?3, '" + AlertStatus.OPEN + "', ?4, ?5) on conflict do nothing")
                .setParameter(1, alertId).setParameter(2, sku).setParameter(3, location)
                .setParameter(4, projected).setParameter(5, setting.reorderPoint())
                .executeUpdate();
        if (opened == 1) {
            outbox.publish(new LowStockDetected(alertId, sku, location, projected, setting.reorderPoint()));
        }
        boolean autoOpen = !em.createNativeQuery("select 1 from erp.po_line where sku = ?1 and location = ?2 and open_auto")
                .setParameter(1, sku).setParameter(2, location).getResultList().isEmpty();
        if (!mayOrder || autoOpen) {
            return;
        }
        int quantity = ReorderMaths.orderQuantity(setting.maxLevel(), projected, setting.packSize(), setting.minimum());
        UUID po = null;
        if (!setting.issueAutomatically()) {
            // Lines that trigger together go on one draft PO per vendor.
            @SuppressWarnings("unchecked")
            List<Object> drafts = em.createNativeQuery("select id from erp.purchase_order where vendor = ?1 and auto "
                            + "and status = ?2 order by created_at desc limit 1 for update")
                    .setParameter(1, setting.vendor()).setParameter(2, PoStatus.DRAFT.name()).getResultList();
            po = drafts.isEmpty() ? null : UUID.fromString(drafts.get(0).toString());
        }
        if (po == null) {
            po = newOrder(setting.vendor(), true, setting.issueAutomatically() ? PoStatus.ISSUED : PoStatus.DRAFT, "replenishment");
        }
        addLine(po, sku, location, quantity, setting.unitCost() != null ? setting.unitCost() : averageCost(sku, location), true);
        if (setting.issueAutomatically()) {
            outbox.publish(issued(po));
        }
    }

    // ---------------------------------------------------------------- settings

    @Override
    public SettingView putSetting(String sku, String location, PutReplenishment s) {
        if (s.maxLevel < s.reorderPoint) {
            throw ProblemException.invalidField("maxLevel", "must be at least the reorder point (" + s.reorderPoint + ")");
        }
        if (inventory.product(sku).isEmpty()) {
            throw ProblemException.notFound("no product " + sku);
        }
        if (inventory.locations().stream().noneMatch(l -> l.code().equals(location))) {
            throw ProblemException.notFound("no location " + location);
        }
        if (vendors().stream().noneMatch(v -> v.code().equals(s.vendor))) {
            throw new UnknownVendor("no vendor " + s.vendor,
                    Map.of("errors", List.of(new io.quartermaster.platform.api.problem.FieldError("vendor", "no such vendor"))));
        }
        transactions.inTransaction(() -> {
            em.createNativeQuery("insert into erp.replenishment (sku, location, reorder_point, max_level, vendor, pack_size, "
                            + "min_order_quantity, unit_cost, issue_automatically) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                            + "on conflict (sku, location) do update set reorder_point = excluded.reorder_point, "
                            + "max_level = excluded.max_level, vendor = excluded.vendor, pack_size = excluded.pack_size, "
                            + "min_order_quantity = excluded.min_order_quantity, unit_cost = excluded.unit_cost, "
                            + "issue_automatically = excluded.issue_automatically")
                    .setParameter(1, sku).setParameter(2, location).setParameter(3, s.reorderPoint).setParameter(4, s.maxLevel)
                    .setParameter(5, s.vendor).setParameter(6, s.packSize == null ? 1 : s.packSize)
                    .setParameter(7, s.minOrderQuantity == null ? 1 : s.minOrderQuantity).setParameter(8, s.unitCost)
                    .setParameter(9, s.issueAutomatically == null || s.issueAutomatically)
                    .executeUpdate();
            seedProjection(sku, location);
            evaluate(sku, location, true);
        });
        return setting(sku, location);
    }

    /** The first time a SKU is watched, its availability is read once; events keep it current from then on. */
    private void seedProjection(String sku, String location) {
        em.createNativeQuery("insert into erp.stock_projection (sku, location, available, version) values (?1, ?2, ?3, 0) "
                        + "on conflict do nothing")
                .setParameter(1, sku).setParameter(2, location)
                .setParameter(3, inventory.available(sku, List.of(location)))
                .executeUpdate();
    }

    @Override
    public SettingView setting(String sku, String location) {
        return transactions.inTransaction(() -> {
            Setting s = setting(sku, location, false);
            Integer available = availableOrNull(sku, location);
            int onOrder = onOrder(sku, location);
            int lead = vendors().stream().filter(v -> v.code().equals(s.vendor())).findFirst().map(VendorView::leadTimeDays).orElse(7);
            int suggestion = ReorderMaths.suggestedReorderPoint(inventory.dailySales(sku, location, 30), lead, serviceLevel);
            return new SettingView(sku, location, s.reorderPoint(), s.maxLevel(), s.vendor(), s.packSize(), s.minimum(), s.unitCost(),
                    s.issueAutomatically(), available, onOrder, available == null ? null : available + onOrder, suggestion);
        });
    }

    @Override
    public List<SettingView> settings() {
        return transactions.inTransaction(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> keys = em.createNativeQuery("select sku, location from erp.replenishment order by sku, location")
                    .getResultList();
            return keys.stream().map(k -> setting((String) k[0], (String) k[1])).toList();
        });
    }

    @Override
    public SettingView applySuggestion(String sku, String location) {
        SettingView current = setting(sku, location);
        int reorderPoint = current.suggestedReorderPoint();
        return putSetting(sku, location, new PutReplenishment(reorderPoint, Math.max(current.maxLevel(), reorderPoint),
                current.vendor(), current.packSize(), current.minOrderQuantity(), current.unitCost(), current.issueAutomatically()));
    }

    private Setting setting(String sku, String location, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select reorder_point, max_level, vendor, pack_size, min_order_quantity, "
                        + "unit_cost, issue_automatically from erp.replenishment where sku = ?1 and location = ?2"
                        + (lock ? " for update" : ""))
                .setParameter(1, sku).setParameter(2, location).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("no replenishment settings for " + sku + " at " + location);
        }
        Object[] r = rows.get(0);
        return new Setting(((Number) r[0]).intValue(), ((Number) r[1]).intValue(), (String) r[2], ((Number) r[3]).intValue(),
                ((Number) r[4]).intValue(), (BigDecimal) r[5], (Boolean) r[6]);
    }

    private int available(String sku, String location) {
        Integer available = availableOrNull(sku, location);
        return available == null ? inventory.available(sku, List.of(location)) : available;
    }

    private Integer availableOrNull(String sku, String location) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select available from erp.stock_projection where sku = ?1 and location = ?2")
                .setParameter(1, sku).setParameter(2, location).getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).intValue();
    }

    private int onOrder(String sku, String location) {
        return ((Number) em.createNativeQuery("select coalesce(sum(l.quantity - l.received), 0) from erp.po_line l "
                        + "join erp.purchase_order p on p.id = l.po_id where l.sku = ?1 and l.location = ?2 "
                        + "and p.status = any(?3)")
                .setParameter(1, sku).setParameter(2, location)
                .setParameter(3, PoStatus.OPEN.stream().map(Enum::name).toArray(String[]::new)).getSingleResult()).intValue();
    }

    // ---------------------------------------------------------------- vendors (Vendors)

    @Override
    public VendorView putVendor(String code, PutVendor vendor) {
        return vendorBook.put(code, vendor);
    }

    @Override
    public List<VendorView> vendors() {
        return vendorBook.all();
    }

    // ---------------------------------------------------------------- purchase orders

    @Override
    public List<AlertView> alerts(String status) {
        return orders.alerts(status);
    }

    @Override
    public List<PurchaseOrderView> purchaseOrders(String status) {
        return orders.all(status);
    }

    @Override
    public PurchaseOrderView purchaseOrder(UUID id) {
        return orders.one(id);
    }

    @Override
    public PurchaseOrderView createPurchaseOrder(NewPurchaseOrder order, String actor) {
        if (vendors().stream().noneMatch(v -> v.code().equals(order.vendor))) {
            throw ProblemException.notFound("no vendor " + order.vendor);
        }
        java.util.Set<String> locations = new java.util.HashSet<>();
        inventory.locations().forEach(l -> locations.add(l.code()));
        for (int i = 0; i < order.lines.size(); i++) {
            if (inventory.product(order.lines.get(i).sku).isEmpty()) {
                throw ProblemException.notFound("no product " + order.lines.get(i).sku);
            }
            // Locations are the inventory module's: no foreign key can reach them, so they are checked here.
            if (!locations.contains(order.lines.get(i).location)) {
                throw new NoSuchLocation("no location " + order.lines.get(i).location,
                        Map.of("errors", List.of(new io.quartermaster.platform.api.problem.FieldError(
                                "lines[" + i + "].location", "no such location"))));
            }
        }
        UUID id = transactions.inTransaction(() -> {
            UUID po = newOrder(order.vendor, false, PoStatus.DRAFT, actor);
            for (NewPurchaseOrder.Line line : order.lines) {
                addLine(po, line.sku, line.location, line.quantity, line.unitCost, false);
            }
            return po;
        });
        return purchaseOrder(id);
    }

    @Override
    public PurchaseOrderView issue(UUID id, String actor) {
        transactions.inTransaction(() -> {
            PoStatus status = lockOrder(id);
            if (!status.canBeIssued()) {
                throw new WrongPurchaseOrderState("purchase order " + id + " is " + status + "; only a DRAFT can be issued");
            }
            em.createNativeQuery("update erp.purchase_order set status = ?2, issued_at = now(), updated_at = now() where id = ?1")
                    .setParameter(1, id).setParameter(2, PoStatus.ISSUED.name()).executeUpdate();
            outbox.publish(issued(id));
        });
        return purchaseOrder(id);
    }

    @Override
    public PurchaseOrderView cancel(UUID id, String actor) {
        transactions.inTransaction(() -> {
            PoStatus status = lockOrder(id);
            if (!status.canBeCancelled()) {
                throw new WrongPurchaseOrderState("purchase order " + id + " is already " + status);
            }
            em.createNativeQuery("update erp.purchase_order set status = ?2, updated_at = now() where id = ?1")
                    .setParameter(1, id).setParameter(2, PoStatus.CANCELLED.name()).executeUpdate();
            em.createNativeQuery("update erp.po_line set open_auto = false where po_id = ?1").setParameter(1, id).executeUpdate();
            // What is no longer on order lowers projected stock: it may open an alert (but orders nothing by itself).
            for (PurchaseOrderView.Line line : purchaseOrder(id).lines()) {
                if (!em.createNativeQuery("select 1 from erp.replenishment where sku = ?1 and location = ?2 for update")
                        .setParameter(1, line.sku()).setParameter(2, line.location()).getResultList().isEmpty()) {
                    evaluate(line.sku(), line.location(), false);
                }
            }
        });
        return purchaseOrder(id);
    }

    @Override
    public PurchaseOrderView receive(UUID id, GoodsReceipt receipt, String actor) {
        transactions.inTransaction(() -> {
            PoStatus status = lockOrder(id);
            if (!status.canBeReceived()) {
                throw new WrongPurchaseOrderState("purchase order " + id + " is " + status + "; only an issued order can be received");
            }
            for (int i = 0; i < receipt.lines.size(); i++) {
                GoodsReceipt.Line in = receipt.lines.get(i);
                @SuppressWarnings("unchecked")
                List<Object[]> lines = em.createNativeQuery("select line_no, location, quantity - received, unit_cost from erp.po_line "
                                + "where po_id = ?1 and sku = ?2 order by line_no")
                        .setParameter(1, id).setParameter(2, in.sku).getResultList();
                if (lines.isEmpty()) {
                    throw ProblemException.invalidField("lines[" + i + "].sku", "not on purchase order " + id);
                }
                Object[] line = lines.get(0);
                int open = ((Number) line[2]).intValue();
                if (in.quantity > open) {
                    throw new OverReceipt("only " + open + " of " + in.sku + " are still expected on " + id,
                            Map.of("expected", open));
                }
                BigDecimal cost = in.unitCost != null ? in.unitCost : (BigDecimal) line[3];
                if (cost == null) {
                    throw ProblemException.invalidField("lines[" + i + "].unitCost", "the order line has no cost; give one");
                }
                String location = (String) line[1];
                inventory.receive(new ReceiveStock(in.sku, location, in.quantity, cost, "PO-" + id), actor);
                em.createNativeQuery("update erp.po_line set received = received + ?3 where po_id = ?1 and line_no = ?2")
                        .setParameter(1, id).setParameter(2, line[0]).setParameter(3, in.quantity).executeUpdate();
                // The goods are on hand now: move them from "on order" to "available" here, so projected stock does
                // not dip until the StockReceived event (which carries a newer version and replaces this) arrives.
                em.createNativeQuery("update erp.stock_projection set available = available + ?3 where sku = ?1 and location = ?2")
                        .setParameter(1, in.sku).setParameter(2, location).setParameter(3, in.quantity).executeUpdate();
            }
            Number remaining = (Number) em.createNativeQuery("select coalesce(sum(quantity - received), 0) from erp.po_line where po_id = ?1")
                    .setParameter(1, id).getSingleResult();
            boolean complete = remaining.intValue() == 0;
            em.createNativeQuery("update erp.purchase_order set status = ?2, updated_at = now() where id = ?1")
                    .setParameter(1, id).setParameter(2, PoStatus.afterReceipt(complete).name()).executeUpdate();
            if (complete) {
                em.createNativeQuery("update erp.po_line set open_auto = false where po_id = ?1").setParameter(1, id).executeUpdate();
            }
        });
        return purchaseOrder(id);
    }

    private PoStatus lockOrder(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select status from erp.purchase_order where id = ?1 for update")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("no purchase order " + id);
        }
        return PoStatus.valueOf((String) rows.get(0));
    }

    private UUID newOrder(String vendor, boolean auto, PoStatus status, String actor) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into erp.purchase_order (id, vendor, status, auto, created_by, issued_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, case when ?3 = 'ISSUED' then now() end)")
                .setParameter(1, id).setParameter(2, vendor).setParameter(3, status.name()).setParameter(4, auto).setParameter(5, actor)
                .executeUpdate();
        return id;
    }

    /**
     * The cost an automatic line is ordered at when its setting names none: what the units on hand cost
     * on average (null when nothing was ever received there, and the receipt must then give one).
     */
    private BigDecimal averageCost(String sku, String location) {
        return inventory.stock(sku).levels().stream().filter(l -> l.location().equals(location))
                .map(StockView.Level::averageCost).filter(c -> c != null && c.signum() > 0).findFirst().orElse(null);
    }

    private void addLine(UUID po, String sku, String location, int quantity, BigDecimal unitCost, boolean auto) {
        em.createNativeQuery("insert into erp.po_line (po_id, line_no, sku, location, quantity, unit_cost, open_auto) "
                        + "values (?1, (select coalesce(max(line_no) + 1, 0) from erp.po_line where po_id = ?1), ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, po).setParameter(2, sku).setParameter(3, location).setParameter(4, quantity)
                .setParameter(5, unitCost).setParameter(6, auto)
                .executeUpdate();
    }

    private PurchaseOrderIssued issued(UUID id) {
        PurchaseOrderView po = purchaseOrder(id);
        List<PurchaseOrderIssued.Line> lines = new ArrayList<>();
        po.lines().forEach(l -> lines.add(new PurchaseOrderIssued.Line(l.sku(), l.location(), l.quantity(), l.unitCost())));
        return new PurchaseOrderIssued(id, po.vendor(), po.auto(), lines);
    }

}
