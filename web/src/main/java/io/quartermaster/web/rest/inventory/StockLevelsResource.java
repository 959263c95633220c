package io.quartermaster.web.rest.inventory;

import io.quartermaster.inventory.api.AdjustStock;
import io.quartermaster.inventory.api.CountStock;
import io.quartermaster.inventory.api.HoldView;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.MovementView;
import io.quartermaster.inventory.api.Page;
import io.quartermaster.inventory.api.ReceiveStock;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.inventory.api.StockView;
import io.quartermaster.inventory.api.TransferStock;
import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.web.rest.Paging;
import io.quartermaster.web.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stock levels and the commands that move stock. Every mutation records who did it. */
@Path("/stock")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
public class StockLevelsResource {

    @Inject
    InventoryFacade inventory;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("receipts")
    public Response receive(ReceiveStock receipt) {
        return Response.status(201).entity(inventory.receive(receipt, caller.name())).build();
    }

    @POST
    @Path("adjustments")
    public Response adjust(AdjustStock adjustment) {
        return Response.status(201).entity(inventory.adjust(adjustment, caller.name())).build();
    }

    @POST
    @Path("transfers")
    public Response transfer(TransferStock transfer) {
        List<MovementView> movements = inventory.transfer(transfer, caller.name());
        return Response.status(201).entity(Map.of("movements", movements)).build();
    }

    /** 201 with the correction movement, or 200 with none when the count matched. */
    @POST
    @Path("counts")
    public Response count(CountStock count) {
        Optional<MovementView> correction = inventory.count(count, caller.name());
        return correction.map(m -> Response.status(201).entity(m).build())
                .orElseGet(() -> Response.ok(Map.of("sku", count.sku, "location", count.location,
                        "onHand", count.countedQuantity, "correction", "none")).build());
    }

    @GET
    @Path("holds")
    public List<HoldView> activeHolds() {
        return inventory.activeHolds();
    }

    @GET
    @Path("{sku}")
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME, Role.ACCOUNTANT_NAME, Role.CHANNEL_NAME})
    public StockView stock(@PathParam("sku") String sku) {
        StockView stock = inventory.stock(new Sku(sku));
        // Purchase costs are the retailer's, not a storefront's: CHANNEL keys see quantities only.
        return caller.get().roles().equals(java.util.Set.of(Role.CHANNEL)) ? stock.withoutCosts() : stock;
    }

    @GET
    @Path("{sku}/movements")
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME, Role.ACCOUNTANT_NAME})
    public Page<MovementView> movements(@PathParam("sku") String sku,
                                        @QueryParam("page") @DefaultValue("0") int page,
                                        @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        return inventory.movements(new Sku(sku), page, size);
    }
}
