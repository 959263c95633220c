package io.quartermaster.web.rest.admin;

import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.platform.api.messaging.DeadLetter;
import io.quartermaster.platform.api.messaging.DeadLetterFacade;
import io.quartermaster.platform.api.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Messages that kept failing: see them with their error, send them back, or discard them. */
@Path("/admin/dead-letters")
@RequestScoped
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

    @Inject
    DeadLetterFacade deadLetters;

    @GET
    public List<DeadLetter> list() {
        return deadLetters.list();
    }

    @POST
    @Path("{id}/retry")
    public Map<String, String> retry(@PathParam("id") String id) {
        if (!deadLetters.retry(id)) {
            throw ProblemException.notFound("no dead letter " + id);
        }
        return Map.of("id", id, "status", "RETRIED");
    }

    @DELETE
    @Path("{id}")
    public Response discard(@PathParam("id") String id) {
        if (!deadLetters.discard(id)) {
            throw ProblemException.notFound("no dead letter " + id);
        }
        return Response.noContent().build();
    }
}
