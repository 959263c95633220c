package io.quartermaster.platform.api.problem;

import java.util.List;
import java.util.Map;

/**
 * A field of the request is wrong, for a rule Bean Validation cannot express (a delta of zero, a
 * transfer to where it comes from, a line not on the order): named in {@code errors} with why.
 */
public class InvalidField extends Refusal {

    public InvalidField(String field, String message) {
        super(Kind.INVALID, "Invalid request", field + ": " + message,
                Map.of("errors", List.of(new FieldError(field, message))));
    }
}
