package io.quartermaster.web.rest.problem;

import io.quartermaster.platform.api.problem.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Bean Validation failures → 400 with {@code errors:[{field, message}]}, the field named as in the JSON body. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return Problems.response(400, "Invalid request", detail, Map.of("errors", errors));
    }

    /** {@code create.arg0.lines[0].quantity} → {@code lines[0].quantity}; a missing body → {@code body}. */
    static String field(ConstraintViolation<?> violation) {
        StringJoiner field = new StringJoiner(".");
        boolean parameterSeen = false;
        String parameterName = "body";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameterSeen = true;
                parameterName = node.getName();
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && name != null) {
                name = name + "[" + node.getIndex() + "]";
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getIndex() != null && name == null) {
                name = "[" + node.getIndex() + "]";
            }
            if (name != null && !name.startsWith("<")) {
                field.add(name);
            }
        }
        String result = field.toString();
        return result.isEmpty() ? (parameterSeen && !parameterName.startsWith("arg") ? parameterName : "body") : result;
    }
}
