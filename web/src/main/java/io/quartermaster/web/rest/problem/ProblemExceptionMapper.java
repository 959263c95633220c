package io.quartermaster.web.rest.problem;

import io.quartermaster.platform.api.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Override
    public Response toResponse(ProblemException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", e.type());
        body.put("title", e.title());
        body.put("status", e.status());
        body.put("detail", e.getMessage());
        body.putAll(e.extensions());
        Response.ResponseBuilder response = Response.status(e.status()).type(Problems.PROBLEM_JSON).entity(body);
        if (e.extensions().get("retryAfter") instanceof Integer seconds) {
            response.header("Retry-After", seconds);
        }
        return response.build();
    }
}
