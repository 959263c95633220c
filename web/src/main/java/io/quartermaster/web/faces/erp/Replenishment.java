package io.quartermaster.web.faces.erp;

import io.quartermaster.erp.api.PutReplenishment;
import io.quartermaster.erp.api.ReplenishmentFacade;
import io.quartermaster.erp.api.ReplenishmentViews.AlertView;
import io.quartermaster.erp.api.ReplenishmentViews.SettingView;
import io.quartermaster.erp.api.ReplenishmentViews.VendorView;
import io.quartermaster.inventory.api.LocationCode;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.web.faces.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reorder settings per SKU and location with the reorder point the sales history suggests (and a
 * button to take it), the form to change a setting, and the open low-stock alerts.
 */
@Named
@ViewScoped
public class Replenishment implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ReplenishmentFacade replenishment;

    private List<SettingView> settings;
    private List<AlertView> alerts;

    private String sku;
    private String location;
    private Integer reorderPoint;
    private Integer maxLevel;
    private String vendor;
    private Integer packSize;
    private Integer minOrderQuantity;
    private BigDecimal unitCost;
    private boolean issueAutomatically;

    @PostConstruct
    void load() {
        settings = replenishment.settings();
        alerts = replenishment.alerts("OPEN");
    }

    public void apply(SettingView setting) {
        Feedback.attempt("settings", () -> replenishment.applySuggestion(new Sku(setting.sku()), new LocationCode(setting.location())),
                "Reorder point of " + setting.sku() + " at " + setting.location() + " set to the suggested "
                        + setting.suggestedReorderPoint() + ".");
        load();
    }

    public void edit(SettingView s) {
        sku = s.sku();
        location = s.location();
        reorderPoint = s.reorderPoint();
        maxLevel = s.maxLevel();
        vendor = s.vendor();
        packSize = s.packSize();
        minOrderQuantity = s.minOrderQuantity();
        unitCost = s.unitCost();
        issueAutomatically = s.issueAutomatically();
    }

    /** An empty form for a new setting: never the last one edited. */
    public void clear() {
        sku = null;
        location = null;
        reorderPoint = null;
        maxLevel = null;
        vendor = null;
        packSize = null;
        minOrderQuantity = null;
        unitCost = null;
        issueAutomatically = false;
    }

    public void save() {
        PutReplenishment command = new PutReplenishment();
        command.reorderPoint = reorderPoint;
        command.maxLevel = maxLevel;
        command.vendor = vendor;
        command.packSize = packSize;
        command.minOrderQuantity = minOrderQuantity;
        command.unitCost = unitCost;
        command.issueAutomatically = issueAutomatically;
        if (Feedback.succeeds("setting", () -> replenishment.putSetting(new Sku(sku == null ? "" : sku.trim()),
                new LocationCode(location == null ? "" : location),
                Feedback.valid(command)), "Saved the reorder setting of " + sku + " at " + location + ".")) {
            load();
        }
    }

    public List<VendorView> getVendors() {
        return replenishment.vendors();
    }

    public List<SettingView> getSettings() {
        return settings;
    }

    public List<AlertView> getAlerts() {
        return alerts;
    }

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

    public Integer getReorderPoint() {
        return reorderPoint;
    }

    public void setReorderPoint(Integer reorderPoint) {
        this.reorderPoint = reorderPoint;
    }

    public Integer getMaxLevel() {
        return maxLevel;
    }

    public void setMaxLevel(Integer maxLevel) {
        this.maxLevel = maxLevel;
    }

    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }

    public Integer getPackSize() {
        return packSize;
    }

    public void setPackSize(Integer packSize) {
        this.packSize = packSize;
    }

    public Integer getMinOrderQuantity() {
        return minOrderQuantity;
    }

    public void setMinOrderQuantity(Integer minOrderQuantity) {
        this.minOrderQuantity = minOrderQuantity;
    }

    public BigDecimal getUnitCost() {
        return unitCost;
    }

    public void setUnitCost(BigDecimal unitCost) {
        this.unitCost = unitCost;
    }

    public boolean isIssueAutomatically() {
        return issueAutomatically;
    }

    public void setIssueAutomatically(boolean issueAutomatically) {
        this.issueAutomatically = issueAutomatically;
    }
}
