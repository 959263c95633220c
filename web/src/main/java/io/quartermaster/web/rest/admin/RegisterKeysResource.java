package io.quartermaster.web.rest.admin;

import io.quartermaster.orders.api.NewRegister;
import io.quartermaster.orders.api.RegisterFacade;
import io.quartermaster.orders.api.RegisterView;
import io.quartermaster.platform.api.idempotency.ShownOnce;
import io.quartermaster.platform.api.identity.IdentityFacade;
import io.quartermaster.platform.api.identity.IssuedApiClient;
import io.quartermaster.platform.api.identity.NewApiClient;
import io.quartermaster.platform.api.identity.Role;
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

    /** A POS register's own channel: its key may also place ordinary POS orders. */
    public static final String CHANNEL = "POS";

    @Inject
    RegisterFacade registers;

    @Inject
    IdentityFacade identity;

    @Inject
    CurrentCaller caller;

    /** The answer to creating a register: the only time its key is shown. */
    public record IssuedRegister(String code, String name, String location, int offlineHours, String status, String key)
            implements ShownOnce {
        @Override
        public String replayRefusal() {
            return "Register " + code + " was created by the first request with this Idempotency-Key. Its key is shown "
                    + "only once and is not kept; pair the register again for a new one.";
        }
    }

    @POST
    public Response create(NewRegister request) {
        RegisterView register = registers.create(request, caller.name());
        IssuedApiClient client = identity.createApiClient(new NewApiClient("register " + register.code(), Role.CHANNEL,
                CHANNEL), caller.name());
        registers.useKeyOf(register.code(), "client:" + client.id());
        return Response.created(URI.create("/api/v1/registers/" + register.code()))
                .header("Cache-Control", "no-store")
                .entity(new IssuedRegister(register.code(), register.name(), register.location(), register.offlineHours(),
                        register.status(), client.key()))
                .build();
    }
}
