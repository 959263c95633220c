package io.quartermaster.web.rest.admin;

import io.quartermaster.platform.api.identity.ChangeUser;
import io.quartermaster.platform.api.identity.IdentityFacade;
import io.quartermaster.platform.api.identity.NewUser;
import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.platform.api.identity.UserView;
import io.quartermaster.web.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

@Path("/admin/users")
@RequestScoped
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    IdentityFacade identity;

    @Inject
    CurrentCaller caller;

    /** The answer carries the username and roles, never the password or its hash. */
    public record CreatedUser(String username, List<Role> roles) {
    }

    @POST
    public Response create(NewUser user) {
        UserView created = identity.createUser(user, caller.name());
        return Response.created(URI.create("/api/v1/admin/users/" + created.username()))
                .entity(new CreatedUser(created.username(), created.roles().stream().sorted().toList()))
                .build();
    }

    @GET
    public List<UserView> list() {
        return identity.users();
    }

    /** New roles and/or disabling (active false): effective at the user's next request, sessions included. */
    @PUT
    @Path("{username}")
    public UserView change(@PathParam("username") String username, ChangeUser change) {
        return identity.changeUser(username, change, caller.name());
    }
}
