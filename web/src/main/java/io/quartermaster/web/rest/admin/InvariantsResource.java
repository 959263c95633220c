package io.quartermaster.web.rest.admin;

import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.web.invariants.InvariantChecker;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;

/**
 * The whole-system invariant check (also behind {@code ./quartermaster check}): each rule
 * with the number of rows checked and every violation with the rows involved.
 * {@code inFlightSeconds}: how long an event may wait in the outbox or unposted before it
 * counts as a violation (default 60).
 */
@Path("/admin/invariants")
@RequestScoped
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class InvariantsResource {

    @Inject
    InvariantChecker checker;

    @GET
    public InvariantChecker.Report check(@QueryParam("inFlightSeconds") Integer inFlightSeconds) {
        int seconds = inFlightSeconds == null ? 60 : inFlightSeconds;
        if (seconds < 0 || seconds > 86_400) {
            throw ProblemException.invalidField("inFlightSeconds", "must be between 0 and 86400");
        }
        return checker.check(Duration.ofSeconds(seconds));
    }
}
