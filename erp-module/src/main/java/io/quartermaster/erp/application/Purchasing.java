package io.quartermaster.erp.application;

import io.quartermaster.erp.api.GoodsReceipt;
import io.quartermaster.erp.api.NewPurchaseOrder;
import io.quartermaster.erp.api.PurchaseOrderId;
import io.quartermaster.erp.api.PutReplenishment;
import io.quartermaster.erp.api.PutVendor;
import io.quartermaster.erp.api.ReplenishmentFacade;
import io.quartermaster.erp.api.ReplenishmentViews.AlertView;
import io.quartermaster.erp.api.ReplenishmentViews.PurchaseOrderView;
import io.quartermaster.erp.api.ReplenishmentViews.SettingView;
import io.quartermaster.erp.api.ReplenishmentViews.VendorView;
import io.quartermaster.inventory.api.LocationCode;
import io.quartermaster.inventory.api.Sku;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The replenishment facade: settings, projected stock and alerts ({@link Replenishment}),
 * vendors ({@link Vendors}), the purchase-order lifecycle ({@link PurchaseOrders}) and its
 * reads ({@link PurchaseOrderQueries}) live in their own classes.
 */
@ApplicationScoped
public class Purchasing implements ReplenishmentFacade {

    @Inject
    Replenishment replenishment;

    @Inject
    Vendors vendors;

    @Inject
    PurchaseOrders purchaseOrders;

    @Inject
    PurchaseOrderQueries queries;

    // ---------------------------------------------------------------- settings and alerts (Replenishment)

    @Override
    public SettingView putSetting(Sku sku, LocationCode location, PutReplenishment s) {
        return replenishment.putSetting(sku, location, s);
    }

    @Override
    public SettingView setting(Sku sku, LocationCode location) {
        return replenishment.setting(sku, location);
    }

    @Override
    public List<SettingView> settings() {
        return replenishment.settings();
    }

    @Override
    public SettingView applySuggestion(Sku sku, LocationCode location) {
        return replenishment.applySuggestion(sku, location);
    }

    // ---------------------------------------------------------------- vendors (Vendors)

    @Override
    public VendorView putVendor(String code, PutVendor vendor) {
        return vendors.put(code, vendor);
    }

    @Override
    public List<VendorView> vendors() {
        return vendors.all();
    }

    // ---------------------------------------------------------------- purchase orders (PurchaseOrders, PurchaseOrderQueries)

    @Override
    public List<AlertView> alerts(String status) {
        return queries.alerts(status);
    }

    @Override
    public List<PurchaseOrderView> purchaseOrders(String status) {
        return queries.all(status);
    }

    @Override
    public PurchaseOrderView purchaseOrder(PurchaseOrderId id) {
        return queries.one(id);
    }

    @Override
    public PurchaseOrderView createPurchaseOrder(NewPurchaseOrder order, String actor) {
        return purchaseOrders.createPurchaseOrder(order, actor);
    }

    @Override
    public PurchaseOrderView issue(PurchaseOrderId id, String actor) {
        return purchaseOrders.issue(id, actor);
    }

    @Override
    public PurchaseOrderView cancel(PurchaseOrderId id, String actor) {
        return purchaseOrders.cancel(id, actor);
    }

    @Override
    public PurchaseOrderView receive(PurchaseOrderId id, GoodsReceipt receipt, String actor) {
        return purchaseOrders.receive(id, receipt, actor);
    }
}
