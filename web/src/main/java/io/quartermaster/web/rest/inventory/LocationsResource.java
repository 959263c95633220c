package io.quartermaster.web.rest.inventory;

import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.LocationCode;
import io.quartermaster.inventory.api.LocationView;
import io.quartermaster.inventory.api.PutLocation;
import io.quartermaster.inventory.api.Saved;
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
import jakarta.ws.rs.core.Response;
import java.util.List;

@Path("/locations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LocationsResource {

    @Inject
    InventoryFacade inventory;

    @PUT
    @Path("{code}")
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
    public Response put(@PathParam("code") String code, PutLocation location) {
        Saved<LocationView> saved = inventory.putLocation(new LocationCode(code), location);
        return Response.status(saved.created() ? 201 : 200).entity(saved.value()).build();
    }

    @GET
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME, Role.ACCOUNTANT_NAME, Role.CHANNEL_NAME})
    public List<LocationView> list() {
        return inventory.locations();
    }
}
