package io.quartermaster.web.rest.admin;

import io.quartermaster.platform.api.identity.ApiClientView;
import io.quartermaster.platform.api.identity.IdentityFacade;
import io.quartermaster.platform.api.identity.IssuedApiClient;
import io.quartermaster.platform.api.identity.NewApiClient;
import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.web.security.CurrentCaller;
import io.quartermaster.web.rest.PathIds;
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
import java.util.List;

@Path("/admin/api-clients")
@RequestScoped
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiClientsResource {

    @Inject
    IdentityFacade identity;

    @Inject
    CurrentCaller caller;

    /** 201 with the key: the only answer that ever contains it. */
    @POST
    public Response create(NewApiClient client) {
        IssuedApiClient issued = identity.createApiClient(client, caller.name());
        return Response.created(URI.create("/api/v1/admin/api-clients/" + issued.id()))
                .header("Cache-Control", "no-store")
                .entity(issued)
                .build();
    }

    @GET
    public List<ApiClientView> list() {
        return identity.apiClients();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        if (!identity.revokeApiClient(PathIds.uuid(id, "API client"), caller.name())) {
            throw ProblemException.notFound("no API client " + id);
        }
        return Response.noContent().build();
    }
}
