package io.quartermaster.platform.api.problem;

import jakarta.ejb.ApplicationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A caller's mistake or a refused request, answered as {@code application/problem+json}
 * (RFC 9457) with the given status. Extra members (e.g. {@code shortages}) travel in
 * {@link #extensions()}. Rolls back the transaction it is thrown in.
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String type;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public ProblemException(int status, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.type = "https://quartermaster.io/problems/" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        this.extensions = new LinkedHashMap<>(extensions);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail);
    }

    /** A 400 naming the field that is wrong, for rules Bean Validation cannot express. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "Invalid request", field + ": " + message,
                Map.of("errors", java.util.List.of(new FieldError(field, message))));
    }

    /** A 400 naming every invalid field; the detail names the one field, or counts them. */
    public static ProblemException invalidFields(java.util.List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(400, "Invalid request", detail, Map.of("errors", errors));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public static ProblemException conflict(String title, String detail, Map<String, Object> extensions) {
        return new ProblemException(409, title, detail, extensions);
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, "Unprocessable request", detail);
    }

    public int status() {
        return status;
    }

    /** Whether trying again a moment later may succeed (the answer is a 503 with Retry-After). */
    public boolean temporary() {
        return status == 503;
    }

    public String title() {
        return title;
    }

    public String type() {
        return type;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
