package io.quartermaster.web.rest.orders;

import io.quartermaster.orders.api.AllotmentTargets;
import io.quartermaster.orders.api.RegisterFacade;
import io.quartermaster.orders.api.RegisterView;
import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.web.security.Callers;
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

/**
 * Registers (API.md "Registers"): staff see them all; a register's own key sees only itself
 * (any other register's code is answered 404) and asks for its allotments' top-ups.
 */
@Path("/registers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegistersResource {

    @Inject
    RegisterFacade registers;

    @Inject
    Callers callers;

    @GET
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
    public List<RegisterView> list() {
        return registers.registers();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME, Role.CHANNEL_NAME})
    public RegisterView get(@PathParam("code") String code) {
        return registers.register(code, callers.viewer()).orElseThrow(() -> ProblemException.notFound("no register " + code));
    }

    /** The targets per SKU; 200 with the register as GET answers it, each line with {@code shortBy} when stock fell short. */
    @PUT
    @Path("{code}/allotments")
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME, Role.CHANNEL_NAME})
    public RegisterView allot(@PathParam("code") String code, AllotmentTargets targets) {
        return registers.setAllotments(code, targets, callers.viewer());
    }
}
