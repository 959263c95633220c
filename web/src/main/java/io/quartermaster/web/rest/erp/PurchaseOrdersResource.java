package io.quartermaster.web.rest.erp;

import io.quartermaster.erp.api.GoodsReceipt;
import io.quartermaster.erp.api.NewPurchaseOrder;
import io.quartermaster.erp.api.ReplenishmentFacade;
import io.quartermaster.erp.api.ReplenishmentViews.PurchaseOrderView;
import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.web.rest.PathIds;
import io.quartermaster.web.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Purchase orders, automatic and manual: DRAFT → ISSUED → PARTIALLY_RECEIVED → RECEIVED, or CANCELLED. */
@Path("/erp/purchase-orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
public class PurchaseOrdersResource {

    @Inject
    ReplenishmentFacade replenishment;

    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME, Role.ACCOUNTANT_NAME})
    public List<PurchaseOrderView> list(@QueryParam("status") String status) {
        return replenishment.purchaseOrders(status);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME, Role.ACCOUNTANT_NAME})
    public PurchaseOrderView get(@PathParam("id") String id) {
        return replenishment.purchaseOrder(PathIds.purchaseOrderId(id));
    }

    @POST
    public Response create(NewPurchaseOrder order) {
        return Response.status(201).entity(replenishment.createPurchaseOrder(order, caller.name())).build();
    }

    @POST
    @Path("{id}/issue")
    public PurchaseOrderView issue(@PathParam("id") String id) {
        return replenishment.issue(PathIds.purchaseOrderId(id), caller.name());
    }

    @POST
    @Path("{id}/cancel")
    public PurchaseOrderView cancel(@PathParam("id") String id) {
        return replenishment.cancel(PathIds.purchaseOrderId(id), caller.name());
    }

    @POST
    @Path("{id}/receipts")
    public Response receive(@PathParam("id") String id, GoodsReceipt receipt) {
        return Response.status(201).entity(replenishment.receive(PathIds.purchaseOrderId(id), receipt, caller.name())).build();
    }
}
