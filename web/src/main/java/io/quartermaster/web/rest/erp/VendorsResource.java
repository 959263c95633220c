package io.quartermaster.web.rest.erp;

import io.quartermaster.erp.api.PutVendor;
import io.quartermaster.erp.api.ReplenishmentFacade;
import io.quartermaster.erp.api.ReplenishmentViews.VendorView;
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

@Path("/erp/vendors")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VendorsResource {

    @Inject
    ReplenishmentFacade replenishment;

    @PUT
    @Path("{code}")
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
    public Response put(@PathParam("code") String code, PutVendor vendor) {
        boolean exists = replenishment.vendors().stream().anyMatch(v -> v.code().equals(code));
        return Response.status(exists ? 200 : 201).entity(replenishment.putVendor(code, vendor)).build();
    }

    @GET
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME, Role.ACCOUNTANT_NAME})
    public List<VendorView> list() {
        return replenishment.vendors();
    }
}
