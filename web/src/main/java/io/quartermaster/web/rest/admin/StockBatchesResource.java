package io.quartermaster.web.rest.admin;

import io.quartermaster.orders.api.OrderFacade;
import io.quartermaster.orders.api.StockBatchSizes;
import io.quartermaster.platform.api.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** How this instance's stock batches (group commits of holds and confirms) were sized since it started. */
@Path("/admin/stock-batches")
@RequestScoped
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class StockBatchesResource {

    @Inject
    OrderFacade orders;

    @GET
    public StockBatchSizes sizes() {
        return orders.stockBatchSizes();
    }
}
