package io.quartermaster.web.faces.orders;

import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.LocationView;
import io.quartermaster.orders.api.AllotmentTargets;
import io.quartermaster.orders.api.NewRegister;
import io.quartermaster.orders.api.PairingView;
import io.quartermaster.orders.api.RegisterFacade;
import io.quartermaster.orders.api.RegisterView;
import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.web.faces.Feedback;
import io.quartermaster.web.registers.RegisterKeys;
import io.quartermaster.web.security.Callers;
import io.quartermaster.web.security.CurrentCaller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The Registers page (DESIGN.md §9): every register with its location, status and last contact;
 * an administrator creates one (its key shown once); staff show a one-time pairing code for a
 * tablet, and set a register's allotments — units set aside that only that register can sell.
 */
@Named
@ViewScoped
public class Registers implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient RegisterFacade registers;

    @Inject
    transient RegisterKeys keys;

    @Inject
    transient InventoryFacade inventory;

    @Inject
    transient Callers callers;

    @Inject
    transient CurrentCaller caller;


    private List<RegisterView> list;
    private RegisterView selected;
    private RegisterKeys.IssuedRegister issued;
    private PairingView pairing;
    private List<io.quartermaster.orders.api.RegisterSaleView> attention = List.of();
    private String pairUrl;

    private String code;
    private String name;
    private String location = "MAIN";
    private Integer offlineHours = 24;
    private String sku;
    private Integer target;

    @PostConstruct
    void load() {
        list = registers.registers();
    }

    public boolean isAdmin() {
        return caller.get().hasRole(Role.ADMIN);
    }

    /** ADMIN: a new register and its key, shown on this page only. */
    public void create() {
        issued = null;
        if (!isAdmin()) {
            Feedback.error("create", null, "Only an administrator creates registers.");
            return;
        }
        NewRegister request = new NewRegister(code == null ? null : code.trim(), name, location, offlineHours);
        Feedback.attempt("create", () -> keys.create(Feedback.valid(request), caller.name()),
                "Created register " + code + ". Pair a tablet with it, or copy its key now: it is not shown again.")
                .ifPresent(created -> {
                    issued = created;
                    code = null;
                    name = null;
                    load();
                });
    }

    public void pair(RegisterView register) {
        Feedback.attempt("list", () -> registers.startPairing(register.code(), callers.viewer(), keys.pairingMinutes()), null)
                .ifPresent(started -> {
                    pairing = started;
                    ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
                    String port = context.getRequestServerPort() == 80 || context.getRequestServerPort() == 443 ? ""
                            : ":" + context.getRequestServerPort();
                    pairUrl = RegisterKeys.pairUrl(context.getRequestScheme() + "://" + context.getRequestServerName() + port
                            + context.getRequestContextPath(), started.pairingCode());
                });
    }

    public void select(RegisterView register) {
        selected = registers.register(register.code(), callers.viewer()).orElse(null);
        attention = selected == null ? List.of() : registers.needingAttention(selected.code(), callers.viewer());
        load(); // the list too: sales may have arrived since the page was opened
        sku = null;
        target = null;
    }

    /** A SKU's target for the selected register; the answer says what was granted and what was short. */
    public void allot() {
        if (selected == null || sku == null || sku.isBlank() || target == null) {
            Feedback.error("allot", null, "Choose a register, a SKU and a target (0 gives every unit back).");
            return;
        }
        AllotmentTargets targets = new AllotmentTargets(List.of(new AllotmentTargets.Target(sku.trim(), target)));
        Feedback.attempt("allot", () -> registers.setAllotments(selected.code(), Feedback.valid(targets), callers.viewer()),
                null).ifPresent(after -> {
                    selected = after;
                    after.allotments().stream().filter(a -> a.sku().equals(sku.trim())).findFirst().ifPresent(a ->
                            Feedback.info(a.shortBy() == null
                                    ? selected.code() + " now holds " + a.remaining() + " of " + a.sku() + "."
                                    : selected.code() + " holds " + a.remaining() + " of " + a.sku() + ": " + a.shortBy()
                                            + " more were not available."));
                    load();
                });
    }

    /**
     * Closes the selected register as it stands: every sale it numbered up to the last one recorded
     * must be here (the answer lists the missing ones otherwise); what it holds goes back to stock.
     */
    public void close() {
        if (selected == null) {
            return;
        }
        Feedback.attempt("allot", () -> registers.close(selected.code(), selected.lastSeq(), callers.viewer()),
                null).ifPresent(after -> {
                    selected = after;
                    Feedback.info(after.code() + " is closed; what it held is available again.");
                    load();
                });
    }

    /** Closes the selected register as lost: what it held waits for a count of its location. */
    public void closeAsLost() {
        if (selected == null) {
            return;
        }
        Feedback.attempt("allot", () -> registers.closeAsLost(selected.code(), callers.viewer()), null).ifPresent(after -> {
            selected = after;
            Feedback.info(after.code() + " is closed as lost. Count its location: each SKU's count gives back what it held.");
            load();
        });
    }

    /** The QR code of the pairing link, for the tablet's camera. */
    public String getPairQr() {
        return pairUrl == null ? null : io.quartermaster.web.registers.QrCodes.svgDataUri(pairUrl);
    }

    public List<io.quartermaster.orders.api.RegisterSaleView> getAttention() {
        return attention;
    }

    /** Sales sent but with numbers missing below the last one: a register still sending, or one that lost sales. */
    public String waiting(RegisterView register) {
        return register.missingSeqs().isEmpty() ? "none" : register.missingSeqs().size() + " missing";
    }

    public int held(RegisterView register) {
        return register.allotments().stream().mapToInt(RegisterView.Allotment::remaining).sum();
    }

    public List<LocationView> getLocations() {
        return inventory.locations();
    }

    public List<RegisterView> getList() {
        return list;
    }

    public RegisterView getSelected() {
        return selected;
    }

    public RegisterKeys.IssuedRegister getIssued() {
        return issued;
    }

    public PairingView getPairing() {
        return pairing;
    }

    public String getPairUrl() {
        return pairUrl;
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

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public Integer getOfflineHours() {
        return offlineHours;
    }

    public void setOfflineHours(Integer offlineHours) {
        this.offlineHours = offlineHours;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public Integer getTarget() {
        return target;
    }

    public void setTarget(Integer target) {
        this.target = target;
    }
}
