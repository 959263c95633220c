package io.quartermaster.web.rest.admin;

import io.quartermaster.orders.api.NewRegister;
import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.web.registers.RegisterKeys;
import io.quartermaster.web.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * {@code POST /admin/registers} (ADMIN): a register bound to a location, and its key — an API
 * client of the POS channel that only this register's endpoints answer as "itself". The key is
 * in this answer only, and not kept for Idempotency-Key replays.
 */
@Path("/admin/registers")
@RequestScoped
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegisterKeysResource {

    @Inject
    RegisterKeys keys;

    @Inject
    CurrentCaller caller;

    @POST
    public Response create(NewRegister request) {
        RegisterKeys.IssuedRegister issued = keys.create(request, caller.name());
        return Response.created(URI.create("/api/v1/registers/" + issued.code()))
                .header("Cache-Control", "no-store")
                .entity(issued)
                .build();
    }
}
