package io.quartermaster.web.rest.erp;

import io.quartermaster.erp.api.PutReplenishment;
import io.quartermaster.erp.api.ReplenishmentFacade;
import io.quartermaster.erp.api.ReplenishmentViews.AlertView;
import io.quartermaster.erp.api.ReplenishmentViews.SettingView;
import io.quartermaster.inventory.api.LocationCode;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.platform.api.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Reorder settings per SKU and location (with projected stock and the suggested reorder point), and the alerts. */
@Path("/erp")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME, Role.ACCOUNTANT_NAME})
public class ReplenishmentSettingsResource {

    @Inject
    ReplenishmentFacade replenishment;

    @PUT
    @Path("replenishment/{sku}/{location}")
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
    public SettingView put(@PathParam("sku") String sku, @PathParam("location") String location, PutReplenishment setting) {
        return replenishment.putSetting(new Sku(sku), new LocationCode(location), setting);
    }

    @GET
    @Path("replenishment/{sku}/{location}")
    public SettingView get(@PathParam("sku") String sku, @PathParam("location") String location) {
        return replenishment.setting(new Sku(sku), new LocationCode(location));
    }

    /** One call: the reorder point becomes the suggested one. */
    @POST
    @Path("replenishment/{sku}/{location}/apply-suggestion")
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
    public SettingView apply(@PathParam("sku") String sku, @PathParam("location") String location) {
        return replenishment.applySuggestion(new Sku(sku), new LocationCode(location));
    }

    @GET
    @Path("alerts")
    public List<AlertView> alerts(@QueryParam("status") String status) {
        return replenishment.alerts(status);
    }
}
