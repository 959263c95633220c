package io.quartermaster.web.rest.orders;

import io.quartermaster.orders.api.CheckoutRequest;
import io.quartermaster.orders.api.CheckoutView;
import io.quartermaster.orders.api.ConfirmRequest;
import io.quartermaster.orders.api.OrderFacade;
import io.quartermaster.orders.api.OrderView;
import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.web.rest.PathIds;
import io.quartermaster.web.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

@Path("/checkouts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CheckoutsResource {

    @Inject
    OrderFacade orders;

    @Inject
    Callers callers;

    @POST
    @RolesAllowed(Role.CHANNEL_NAME)
    public Response start(CheckoutRequest request) {
        CheckoutView checkout = orders.startCheckout(callers.seller(), request);
        return Response.created(URI.create("/api/v1/checkouts/" + checkout.id())).entity(checkout).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.CHANNEL_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public CheckoutView get(@PathParam("id") String id) {
        return orders.checkout(PathIds.checkoutId(id), callers.viewer()).orElseThrow(() -> ProblemException.notFound("no checkout " + id));
    }

    @POST
    @Path("{id}/confirm")
    @RolesAllowed(Role.CHANNEL_NAME)
    public Response confirm(@PathParam("id") String id, ConfirmRequest request) {
        OrderView order = orders.confirmCheckout(PathIds.checkoutId(id), request.payment, callers.viewer());
        return Response.created(URI.create("/api/v1/orders/" + order.id())).entity(order).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Role.CHANNEL_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public Response release(@PathParam("id") String id) {
        orders.releaseCheckout(PathIds.checkoutId(id), callers.viewer());
        return Response.noContent().build();
    }
}
