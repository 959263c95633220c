package io.quartermaster.web.rest.admin;

import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.StockCheck;
import io.quartermaster.platform.api.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Verifies the stock invariants over all stock: on hand = Σ movements, 0 ≤ reserved ≤ on hand, reserved = Σ holds. */
@Path("/admin/stock-checks")
@RequestScoped
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class StockChecksResource {

    @Inject
    InventoryFacade inventory;

    @GET
    public StockCheck run() {
        return inventory.check();
    }
}
