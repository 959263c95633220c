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
        if (cause != null || status == 400) {
            String detail = cause != null ? "The request body is not valid JSON for this resource: " + readable(cause)
                    : e.getMessage();
            return Problems.response(400, "Malformed request", detail);
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        return Problems.response(status, type.getReasonPhrase(), e.getMessage());
    }

    private static String readable(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
