package io.quartermaster.web.rest.orders;

import io.quartermaster.orders.api.OrderFacade;
import io.quartermaster.orders.api.OrderRequest;
import io.quartermaster.orders.api.OrderView;
import io.quartermaster.orders.api.PlacedOrder;
import io.quartermaster.orders.api.ReturnRequest;
import io.quartermaster.platform.api.idempotency.IdempotentCall;
import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.web.rest.IdempotencyFilter;
import io.quartermaster.web.rest.PathIds;
import io.quartermaster.web.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

@Path("/orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrdersResource {

    @Inject
    OrderFacade orders;

    @Inject
    Callers callers;

    /** Hold, pay and confirm in one call: what a POS register uses. */
    @POST
    @RolesAllowed(Role.CHANNEL_NAME)
    public Response place(OrderRequest request, @HeaderParam(IdempotencyFilter.HEADER) String idempotencyKey,
                          @Context HttpServletRequest servletRequest) {
        IdempotentCall call = IdempotencyFilter.call(servletRequest);
        if (call == null) {
            OrderView order = orders.placeOrder(callers.seller(), request, idempotencyKey);
            return Response.created(URI.create("/api/v1/orders/" + order.id())).entity(order).build();
        }
        PlacedOrder placed = orders.placeOrder(callers.seller(), request, call);
        if (placed.replay() != null) {
            return Response.status(placed.replay().status()).type(placed.replay().contentType())
                    .entity(placed.replay().body()).header("Idempotent-Replayed", "true").build();
        }
        // The JSON stored for replay is the answer: written once.
        return Response.created(URI.create("/api/v1/orders/" + placed.order().id())).type(MediaType.APPLICATION_JSON)
                .entity(placed.json() != null ? placed.json() : placed.order()).build();
    }

    @GET
    @RolesAllowed({Role.CHANNEL_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public List<OrderView> list(@QueryParam("channel") String channel, @QueryParam("status") String status,
                                @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 500) {
            throw ProblemException.invalidField("limit", "must be between 1 and 500");
        }
        return orders.orders(callers.viewer(), channel, status, limit);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.CHANNEL_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public OrderView get(@PathParam("id") String id) {
        return orders.order(PathIds.orderId(id), callers.viewer())
                .orElseThrow(() -> ProblemException.notFound("no order " + id));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Role.CHANNEL_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public OrderView cancel(@PathParam("id") String id) {
        return orders.cancel(PathIds.orderId(id), callers.viewer());
    }

    @POST
    @Path("{id}/returns")
    @RolesAllowed({Role.CHANNEL_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public Response returnLines(@PathParam("id") String id, ReturnRequest request) {
        return Response.status(201).entity(orders.returnLines(PathIds.orderId(id), request, callers.viewer())).build();
    }
}
