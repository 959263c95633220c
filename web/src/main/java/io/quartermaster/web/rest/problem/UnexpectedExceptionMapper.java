package io.quartermaster.web.rest.problem;

import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.platform.api.tx.DatabaseFailures;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import jakarta.ws.rs.core.Context;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else. A known exception that arrives wrapped (by an interceptor or EJB) is
 * unwrapped and answered as itself; what remains is our bug: logged with an incident id,
 * answered 500 with that id and never a stack trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    Providers providers;

    @Override
    public Response toResponse(Throwable e) {
        return respond(e, providers, this);
    }

    /** Shared with {@link TransactionFailureMapper}: unwrap a known cause, or answer 500 with an incident id. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Response respond(Throwable e, Providers providers, ExceptionMapper<?> self) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ProblemException || cause instanceof ConstraintViolationException
                    || cause instanceof WebApplicationException || cause instanceof JsonbException) {
                ExceptionMapper mapper = providers.getExceptionMapper(cause.getClass());
                if (mapper != null && mapper != self && !(mapper instanceof TransactionFailureMapper)) {
                    return mapper.toResponse(cause);
                }
            }
        }
        if (DatabaseFailures.unavailable(e)) {
            DatabaseOutage.answered503(e);
            return new ProblemExceptionMapper().toResponse(DatabaseFailures.problem());
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
        return Problems.response(500, "Internal error",
                "Something went wrong on our side. Quote incident " + incident + " when reporting it.",
                Map.of("incident", incident));
    }
}
