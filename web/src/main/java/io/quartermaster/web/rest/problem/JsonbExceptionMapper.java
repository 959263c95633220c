package io.quartermaster.web.rest.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that JSON-B cannot read (malformed JSON, wrong types, unknown fields) is the caller's mistake: 400. */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException e) {
        String message = e.getMessage() == null ? "unreadable JSON" : e.getMessage().lines().findFirst().orElse("");
        return Problems.response(400, "Malformed request", "The request body is not valid JSON for this resource: " + message);
    }
}
