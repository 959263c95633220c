package io.quartermaster.erp.api;

import io.quartermaster.erp.api.ReplenishmentViews.AlertView;
import io.quartermaster.erp.api.ReplenishmentViews.PurchaseOrderView;
import io.quartermaster.erp.api.ReplenishmentViews.SettingView;
import io.quartermaster.erp.api.ReplenishmentViews.VendorView;
import java.util.List;
import java.util.UUID;

/** Vendors, reorder settings, low-stock alerts and purchase orders. */
public interface ReplenishmentFacade {

    ReplenishmentViews.VendorView putVendor(String code, PutVendor vendor);

    List<VendorView> vendors();

    SettingView putSetting(String sku, String location, PutReplenishment setting);

    SettingView setting(String sku, String location);

    /** Every reorder setting with its projection and suggestion, by SKU and location. */
    List<SettingView> settings();

    /** Sets the reorder point to the suggested one. */
    SettingView applySuggestion(String sku, String location);

    List<AlertView> alerts(String status);

    List<PurchaseOrderView> purchaseOrders(String status);

    PurchaseOrderView purchaseOrder(UUID id);

    PurchaseOrderView createPurchaseOrder(NewPurchaseOrder order, String actor);

    PurchaseOrderView issue(UUID id, String actor);

    PurchaseOrderView cancel(UUID id, String actor);

    /** Puts the goods on hand through the inventory; refuses receiving more than ordered. */
    PurchaseOrderView receive(UUID id, GoodsReceipt receipt, String actor);
}
