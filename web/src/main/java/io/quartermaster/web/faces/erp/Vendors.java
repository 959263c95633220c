package io.quartermaster.web.faces.erp;

import io.quartermaster.erp.api.PutVendor;
import io.quartermaster.erp.api.ReplenishmentFacade;
import io.quartermaster.erp.api.ReplenishmentViews.VendorView;
import io.quartermaster.web.faces.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The vendors purchase orders go to, with their lead times (which drive the suggested reorder points). */
@Named
@ViewScoped
public class Vendors implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ReplenishmentFacade replenishment;

    private List<VendorView> vendors;
    private String code;
    private String name;
    private String email;
    private Integer leadTimeDays;
    private boolean editing;

    @PostConstruct
    void load() {
        vendors = replenishment.vendors();
    }

    public void save() {
        if (Feedback.succeeds("vendor", () -> replenishment.putVendor(code == null ? null : code.trim(),
                Feedback.valid(new PutVendor(name, email, leadTimeDays))), "Saved vendor " + code + ".")) {
            clear();
            load();
        }
    }

    public void edit(VendorView vendor) {
        code = vendor.code();
        name = vendor.name();
        email = vendor.email();
        leadTimeDays = vendor.leadTimeDays();
        editing = true;
    }

    public void clear() {
        code = null;
        name = null;
        email = null;
        leadTimeDays = null;
        editing = false;
    }

    public List<VendorView> getVendors() {
        return vendors;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Integer getLeadTimeDays() {
        return leadTimeDays;
    }

    public void setLeadTimeDays(Integer leadTimeDays) {
        this.leadTimeDays = leadTimeDays;
    }

    public boolean isEditing() {
        return editing;
    }
}
