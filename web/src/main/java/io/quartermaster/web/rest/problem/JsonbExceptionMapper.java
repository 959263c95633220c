package io.quartermaster.web.rest.problem;

import io.quartermaster.platform.api.problem.FieldError;
import io.quartermaster.platform.api.problem.ProblemException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A body that JSON-B cannot read is the caller's mistake: 400. Most such bodies are refused
 * before JSON-B sees them ({@code BodyValidation}, {@code JsonShape}) with the field named; for
 * the rest the answer names the property when JSON-B's message does, and never repeats the
 * message itself, which speaks of Java classes.
 */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

    private static final Pattern PROPERTY = Pattern.compile("property '?([A-Za-z][A-Za-z0-9_]*)'?");

    @Override
    public Response toResponse(JsonbException e) {
        String field = field(e);
        String message = "cannot be read as the value this field takes";
        if (field == null) {
            return Problems.response(400, "Malformed request", "The request body is not valid JSON for this resource.",
                    Map.of("errors", List.of(new FieldError("body", "not valid JSON for this resource"))));
        }
        return new ProblemExceptionMapper().toResponse(ProblemException.invalidField(field, message));
    }

    static String field(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = PROPERTY.matcher(t.getMessage());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }
}
