package io.quartermaster.web.rest;

import io.quartermaster.platform.api.event.Jsonp;
import io.quartermaster.platform.api.problem.FieldError;
import io.quartermaster.platform.api.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every JSON request body, before and after JSON-B reads it: exactly one JSON value, nested at
 * most {@link #MAX_DEPTH} deep, in the shape of its class ({@link JsonShape}: no number, text or
 * list bent into another), then Bean Validation's rules; an empty body is refused.
 *
 * <p>Why not {@code @Valid} on the resource parameters: Payara 6.2025.10's OpenAPI generator
 * fails on Bean Validation annotations on a body parameter (payara/Payara#7649, fixed after
 * this release), which breaks {@code /openapi}. Validating here keeps both working and means
 * no resource can forget to validate its body.
 */
@Provider
public class BodyValidation implements ReaderInterceptor {

    /** Deeper than any request of the API (a cart line is 2); deeper is an attack on the parser. */
    static final int MAX_DEPTH = 16;

    /**
     * The longest number literal a body may carry. The API's largest numbers are a 19-digit
     * long and a 13+4-digit amount; the JSON parser itself refuses more than 1,100 characters
     * with an exception that named no field (and became a 500).
     */
    static final int MAX_NUMBER_CHARS = 100;

    @Inject
    Validator validator;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getMediaType() == null || isJson(context.getMediaType())) {
            byte[] bytes = context.getInputStream().readAllBytes();
            JsonValue json = single(bytes);
            if (json == null) {
                throw ProblemException.invalidField("body", "a JSON request body is required");
            }
            List<FieldError> errors = JsonShape.check(json, context.getGenericType());
            if (!errors.isEmpty()) {
                throw ProblemException.invalidFields(errors);
            }
            context.setInputStream(new ByteArrayInputStream(bytes));
        }
        Object body = context.proceed();
        if (body == null) {
            throw ProblemException.invalidField("body", "a JSON request body is required");
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }

    private static boolean isJson(MediaType type) {
        return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    }

    /** The body's one JSON value; null when there is none (empty or only white space). */
    static JsonValue single(byte[] bytes) {
        depth(bytes);
        List<FieldError> tooLong = longNumbers(bytes);
        if (!tooLong.isEmpty()) {
            throw ProblemException.invalidFields(tooLong);
        }
        try (JsonParser parser = Jsonp.PROVIDER.createParser(new ByteArrayInputStream(bytes))) {
            if (!parser.hasNext()) {
                return null;
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw notJson("more than one JSON value; the body must be exactly one", parser.getLocation());
            }
            return value;
        } catch (jakarta.json.JsonException e) {
            throw malformed(e);
        }
    }

    private static ProblemException malformed(jakarta.json.JsonException e) {
        if (e instanceof JsonParsingException parsing) {
            return notJson(trailing(parsing) ? "more than one JSON value; the body must be exactly one" : "not well-formed JSON",
                    parsing.getLocation());
        }
        return notJson("not well-formed JSON (or not UTF-8)", null);
    }

    /** Parsson reports content after the value as a parsing error expecting the end of input. */
    private static boolean trailing(JsonParsingException e) {
        return e.getMessage() != null && e.getMessage().contains("[EOF]");
    }

    /** Counts brackets outside strings, before any parser builds a tree of them. */
    private static void depth(byte[] bytes) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (++depth > MAX_DEPTH) {
                    throw ProblemException.invalidField("body", "nested more than " + MAX_DEPTH + " levels deep");
                }
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
    }

    /**
     * The numbers longer than {@link #MAX_NUMBER_CHARS}, each named by its field as {@link JsonShape}
     * names fields ({@code lines[0].quantity}), found by reading the body as a stream: the literal's
     * text is looked at without being turned into a number.
     */
    private static List<FieldError> longNumbers(byte[] bytes) {
        List<FieldError> errors = new java.util.ArrayList<>();
        // Innermost last: a String[1] holds an object's current field name, an int[1] an array's index.
        java.util.ArrayDeque<Object> path = new java.util.ArrayDeque<>();
        try (JsonParser parser = Jsonp.PROVIDER.createParser(new ByteArrayInputStream(bytes))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> ((String[]) path.getLast())[0] = parser.getString();
                    case START_OBJECT -> {
                        nextElement(path);
                        path.addLast(new String[1]);
                    }
                    case START_ARRAY -> {
                        nextElement(path);
                        path.addLast(new int[] {-1});
                    }
                    case END_OBJECT, END_ARRAY -> path.removeLast();
                    case VALUE_NUMBER -> {
                        nextElement(path);
                        int length = parser.getString().length();
                        if (length > MAX_NUMBER_CHARS) {
                            errors.add(new FieldError(name(path), "must be a number of at most " + MAX_NUMBER_CHARS
                                    + " characters; this one has " + length));
                        }
                    }
                    default -> nextElement(path);
                }
            }
        } catch (jakarta.json.JsonException e) {
            throw malformed(e);
        }
        return errors;
    }

    private static void nextElement(java.util.ArrayDeque<Object> path) {
        if (!path.isEmpty() && path.getLast() instanceof int[] index) {
            index[0]++;
        }
    }

    private static String name(java.util.ArrayDeque<Object> path) {
        StringBuilder name = new StringBuilder();
        for (Object step : path) {
            if (step instanceof int[] index) {
                name.append('[').append(index[0]).append(']');
            } else {
                name.append(name.length() == 0 ? "" : ".").append(((String[]) step)[0]);
            }
        }
        return name.length() == 0 ? "body" : name.toString();
    }

    private static ProblemException notJson(String what, JsonLocation at) {
        String where = at == null || at.getLineNumber() < 0 ? ""
                : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
        return new ProblemException(400, "Malformed request", "The request body is " + what + where + ".",
                Map.of("errors", List.of(new FieldError("body", what + where))));
    }
}
