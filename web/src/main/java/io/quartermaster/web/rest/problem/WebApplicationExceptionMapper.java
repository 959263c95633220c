package io.quartermaster.web.rest.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The runtime's own refusals (unknown path 404, 405, 406, 415, and a body that is not the
 * expected JSON → 400) as problem+json instead of an HTML error page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JsonbException)) {
            cause = cause.getCause();
        }
        if (cause != null) {
            return new JsonbExceptionMapper().toResponse((JsonbException) cause);
        }
        if (e.getCause() instanceof IllegalArgumentException) {
            // A query, path or header parameter that is not of its type (?page=abc): Jersey's
            // ParamException, a 404 by the JAX-RS spec for query parameters — but it is the caller's mistake.
            String name = parameterName(e);
            String message = e.getCause() instanceof NumberFormatException ? "must be an integer" : "cannot be read";
            return new ProblemExceptionMapper().toResponse(
                    io.quartermaster.platform.api.problem.ProblemException.invalidField(name, message));
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        return Problems.response(status, status == 400 ? "Malformed request" : type.getReasonPhrase(), ourWords(status, type));
    }

    /** The parameter Jersey's ParamException names (the class is Jersey's own, so asked for by name). */
    private static String parameterName(WebApplicationException e) {
        try {
            Object name = e.getClass().getMethod("getParameterName").invoke(e);
            return name == null ? "parameter" : name.toString();
        } catch (ReflectiveOperationException | RuntimeException notJerseys) {
            return "parameter";
        }
    }

    /** The runtime's messages name its own classes and parameters; callers get ours. */
    private static String ourWords(int status, Response.StatusType type) {
        return switch (status) {
            case 400 -> "The request could not be read.";
            case 404 -> "There is no such resource.";
            case 405 -> "This resource does not take that method.";
            case 406 -> "This resource cannot answer in any of the media types the request accepts.";
            case 415 -> "This resource does not take that content type; send application/json.";
            default -> type.getReasonPhrase() + ".";
        };
    }
}
