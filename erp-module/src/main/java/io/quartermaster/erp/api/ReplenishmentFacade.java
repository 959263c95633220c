package io.quartermaster.erp.api;

import io.quartermaster.erp.api.ReplenishmentViews.AlertView;
import io.quartermaster.erp.api.ReplenishmentViews.PurchaseOrderView;
import io.quartermaster.erp.api.ReplenishmentViews.SettingView;
import io.quartermaster.erp.api.ReplenishmentViews.VendorView;
import io.quartermaster.inventory.api.LocationCode;
import io.quartermaster.inventory.api.Sku;
import java.util.List;

/** Vendors, reorder settings, low-stock alerts and purchase orders. */
public interface ReplenishmentFacade {

    ReplenishmentViews.VendorView putVendor(String code, PutVendor vendor);

    List<VendorView> vendors();

    SettingView putSetting(Sku sku, LocationCode location, PutReplenishment setting);

    SettingView setting(Sku sku, LocationCode location);

    /** Every reorder setting with its projection and suggestion, by SKU and location. */
    List<SettingView> settings();

    /** Sets the reorder point to the suggested one. */
    SettingView applySuggestion(Sku sku, LocationCode location);

    List<AlertView> alerts(String status);

    List<PurchaseOrderView> purchaseOrders(String status);

    PurchaseOrderView purchaseOrder(PurchaseOrderId id);

    PurchaseOrderView createPurchaseOrder(NewPurchaseOrder order, String actor);

    PurchaseOrderView issue(PurchaseOrderId id, String actor);

    PurchaseOrderView cancel(PurchaseOrderId id, String actor);

    /** Puts the goods on hand through the inventory; refuses receiving more than ordered. */
    PurchaseOrderView receive(PurchaseOrderId id, GoodsReceipt receipt, String actor);
}
