package io.quartermaster.erp.application;

import io.quartermaster.erp.api.PutReplenishment;
import io.quartermaster.erp.api.ReplenishmentViews.SettingView;
import io.quartermaster.erp.api.ReplenishmentViews.VendorView;
import io.quartermaster.erp.api.event.LowStockDetected;
import io.quartermaster.erp.api.refusal.UnknownVendor;
import io.quartermaster.erp.domain.purchasing.PoStatus;
import io.quartermaster.erp.domain.purchasing.PurchaseOrder;
import io.quartermaster.erp.domain.purchasing.Vendor;
import io.quartermaster.erp.domain.replenishment.AlertStatus;
import io.quartermaster.erp.domain.replenishment.ReorderMaths;
import io.quartermaster.erp.domain.replenishment.ReplenishmentSetting;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.LocationCode;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.inventory.api.StockView;
import io.quartermaster.platform.api.event.Outbox;
import io.quartermaster.platform.api.problem.InvalidField;
import io.quartermaster.platform.api.problem.NotFound;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Replenishment: the reorder settings of a SKU at a location, projected stock, low-stock
 * alerts and the automatic purchase-order lines they raise. Projected stock = available (from
 * the stock events, newest version wins) + on order (open PO lines not yet received). Every
 * evaluation of a SKU at a location holds the lock of its settings row, so concurrent events
 * for it queue; partial unique indexes make "one open alert" and "one open automatic PO line"
 * hold in the database as well.
 */
@ApplicationScoped
public class Replenishment {

    @PersistenceContext(unitName = "erp")
    EntityManager em;

    @Inject
    InventoryFacade inventory;

    @Inject
    Outbox outbox;

    @Inject
    Transactions transactions;

    @Inject
    Vendors vendors;

    @Inject
    PurchaseOrders purchaseOrders;

    @Inject
    @ConfigProperty(name = "qm.replenishment.service-level", defaultValue = "0.95")
    double serviceLevel;

    /** Applies a stock level's state from an event (if newer) and re-evaluates it; runs in the consumer's transaction. */
    public void onStockLevel(String sku, String location, int available, long version) {
        ReplenishmentSetting watched = find(sku, location, true);
        em.createNativeQuery("insert into erp.stock_projection (sku, location, available, version) values (?1, ?2, ?3, ?4) "
                        + "on conflict (sku, location) do update set available = excluded.available, version = excluded.version, "
                        + "updated_at = now() where erp.stock_projection.version < excluded.version")
                .setParameter(1, sku).setParameter(2, location).setParameter(3, available).setParameter(4, version)
                .executeUpdate();
        if (watched != null) {
            evaluate(watched, true);
        }
    }

    /**
     * Under the settings row lock (the setting was read with it): open or close the alert, and order
     * if nothing is on its way yet.
     */
    private void evaluate(ReplenishmentSetting setting, boolean mayOrder) {
        String sku = setting.sku();
        String location = setting.location();
        int projected = available(sku, location) + onOrder(sku, location);
        if (!setting.low(projected)) {
            em.createNativeQuery("update erp.low_stock_alert set status = ?3, closed_at = now() "
                            + "where sku = ?1 and location = ?2 and status = ?4")
                    .setParameter(1, sku).setParameter(2, location)
                    .setParameter(3, AlertStatus.CLOSED.name()).setParameter(4, AlertStatus.OPEN.name()).executeUpdate();
            return;
        }
        // One open alert per SKU and location (a partial unique index): of racing evaluations, one inserts.
        UUID alertId = UUID.randomUUID();
        int opened = em.createNativeQuery("insert into erp.low_stock_alert (id, sku, location, status, projected, reorder_point) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                .setParameter(1, alertId).setParameter(2, sku).setParameter(3, location)
                .setParameter(4, AlertStatus.OPEN.name()).setParameter(5, projected).setParameter(6, setting.reorderPoint())
                .executeUpdate();
        if (opened == 1) {
            outbox.publish(new LowStockDetected(alertId, sku, location, projected, setting.reorderPoint()));
        }
        boolean autoOpen = em.createQuery("select count(l) from PoLine l where l.sku = :sku and l.location = :location "
                        + "and l.openAuto = true", Long.class)
                .setParameter("sku", sku).setParameter("location", location).getSingleResult() > 0;
        if (!mayOrder || autoOpen) {
            return;
        }
        int quantity = setting.orderQuantity(projected);
        PurchaseOrder po = null;
        if (!setting.issueAutomatically()) {
            // Lines that trigger together go on one draft PO per vendor.
            po = em.createQuery("select p from PurchaseOrder p where p.vendor = :vendor and p.auto = true "
                            + "and p.status = :draft order by p.createdAt desc", PurchaseOrder.class)
                    .setParameter("vendor", setting.vendor()).setParameter("draft", PoStatus.DRAFT)
                    .setMaxResults(1).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultStream().findFirst().orElse(null);
        }
        if (po == null) {
            po = purchaseOrders.newOrder(setting.vendor(), true, setting.issueAutomatically() ? PoStatus.ISSUED : PoStatus.DRAFT, "replenishment");
        }
        purchaseOrders.addLine(po, sku, location, quantity, setting.unitCost() != null ? setting.unitCost() : averageCost(sku, location));
        if (setting.issueAutomatically()) {
            outbox.publish(purchaseOrders.issued(po));
        }
    }

    public SettingView putSetting(Sku id, LocationCode at, PutReplenishment s) {
        String sku = id.value();
        String location = at.value();
        if (s.maxLevel < s.reorderPoint) {
            throw new InvalidField("maxLevel", "must be at least the reorder point (" + s.reorderPoint + ")");
        }
        if (inventory.product(id).isEmpty()) {
            throw new NotFound("no product " + sku);
        }
        if (inventory.locations().stream().noneMatch(l -> l.code().equals(location))) {
            throw new NotFound("no location " + location);
        }
        if (vendors.find(s.vendor).isEmpty()) {
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
            evaluate(setting(sku, location, true), true);
        });
        return setting(id, at);
    }

    /** The first time a SKU is watched, its availability is read once; events keep it current from then on. */
    private void seedProjection(String sku, String location) {
        em.createNativeQuery("insert into erp.stock_projection (sku, location, available, version) values (?1, ?2, ?3, 0) "
                        + "on conflict do nothing")
                .setParameter(1, sku).setParameter(2, location)
                .setParameter(3, inventory.available(new Sku(sku), List.of(new LocationCode(location))))
                .executeUpdate();
    }

    public SettingView setting(Sku id, LocationCode at) {
        String sku = id.value();
        String location = at.value();
        return transactions.inTransaction(() -> {
            ReplenishmentSetting s = setting(sku, location, false);
            Integer available = availableOrNull(sku, location);
            int onOrder = onOrder(sku, location);
            int lead = vendors.find(s.vendor()).map(VendorView::leadTimeDays).orElse(Vendor.DEFAULT_LEAD_TIME_DAYS);
            int suggestion = ReorderMaths.suggestedReorderPoint(inventory.dailySales(id, at, 30), lead, serviceLevel);
            return new SettingView(sku, location, s.reorderPoint(), s.maxLevel(), s.vendor(), s.packSize(), s.minOrderQuantity(), s.unitCost(),
                    s.issueAutomatically(), available, onOrder, available == null ? null : available + onOrder, suggestion);
        });
    }

    public List<SettingView> settings() {
        return transactions.inTransaction(() -> {
            List<ReplenishmentSetting> all = em.createQuery("select s from ReplenishmentSetting s order by s.sku, s.location",
                    ReplenishmentSetting.class).getResultList();
            return all.stream().map(s -> setting(new Sku(s.sku()), new LocationCode(s.location()))).toList();
        });
    }

    public SettingView applySuggestion(Sku sku, LocationCode location) {
        SettingView current = setting(sku, location);
        int reorderPoint = current.suggestedReorderPoint();
        return putSetting(sku, location, new PutReplenishment(reorderPoint, Math.max(current.maxLevel(), reorderPoint),
                current.vendor(), current.packSize(), current.minOrderQuantity(), current.unitCost(), current.issueAutomatically()));
    }

    private ReplenishmentSetting setting(String sku, String location, boolean lock) {
        ReplenishmentSetting setting = find(sku, location, lock);
        if (setting == null) {
            throw new NotFound("no replenishment settings for " + sku + " at " + location);
        }
        return setting;
    }

    /** The setting, or null when the SKU is not watched there; with {@code lock}, its row is locked for an evaluation. */
    private ReplenishmentSetting find(String sku, String location, boolean lock) {
        ReplenishmentSetting.Key key = new ReplenishmentSetting.Key(sku, location);
        return lock ? em.find(ReplenishmentSetting.class, key, LockModeType.PESSIMISTIC_WRITE)
                : em.find(ReplenishmentSetting.class, key);
    }

    private int available(String sku, String location) {
        Integer available = availableOrNull(sku, location);
        return available == null ? inventory.available(new Sku(sku), List.of(new LocationCode(location))) : available;
    }

    private Integer availableOrNull(String sku, String location) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select available from erp.stock_projection where sku = ?1 and location = ?2")
                .setParameter(1, sku).setParameter(2, location).getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).intValue();
    }

    private int onOrder(String sku, String location) {
        Number open = em.createQuery("select sum(l.quantity - l.received) from PoLine l, PurchaseOrder p "
                        + "where p.id = l.poId and l.sku = :sku and l.location = :location and p.status in :open", Number.class)
                .setParameter("sku", sku).setParameter("location", location).setParameter("open", PoStatus.OPEN)
                .getSingleResult();
        return open == null ? 0 : open.intValue();
    }

    /**
     * The cost an automatic line is ordered at when its setting names none: what the units on hand cost
     * on average (null when nothing was ever received there, and the receipt must then give one).
     */
    private BigDecimal averageCost(String sku, String location) {
        return inventory.stock(new Sku(sku)).levels().stream().filter(l -> l.location().equals(location))
                .map(StockView.Level::averageCost).filter(c -> c != null && c.signum() > 0).findFirst().orElse(null);
    }

    /**
     * What is no longer on order lowers projected stock: re-evaluated under the settings row lock
     * (when the SKU is watched there), it may open an alert but orders nothing by itself.
     */
    void reevaluateWithoutOrdering(String sku, String location) {
        ReplenishmentSetting watched = find(sku, location, true);
        if (watched != null) {
            evaluate(watched, false);
        }
    }
}
