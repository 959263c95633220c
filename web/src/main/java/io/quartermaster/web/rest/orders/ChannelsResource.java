package io.quartermaster.web.rest.orders;

import io.quartermaster.orders.api.ChannelView;
import io.quartermaster.orders.api.OrderFacade;
import io.quartermaster.orders.api.PutChannel;
import io.quartermaster.platform.api.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Sales channels: which locations each sells from and how long its holds last. */
@Path("/channels")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChannelsResource {

    @Inject
    OrderFacade orders;

    @GET
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
    public List<ChannelView> list() {
        return orders.channels();
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(Role.ADMIN_NAME)
    public ChannelView put(@PathParam("code") String code, PutChannel channel) {
        return orders.putChannel(code, channel);
    }
}
