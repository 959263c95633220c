package io.quartermaster.web.rest;

import io.quartermaster.platform.api.problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What JSON-B would bend without a word, refused before it binds: a request's JSON must have
 * the shape of the class it is read into. JSON-B (Yasson) reads {@code 1.5} into an
 * {@code Integer} as 1, {@code 4294967297} as 1 (it wraps), {@code [1]} as 1 and {@code 5}
 * into a {@code String} as "5" — a quantity booked that nobody asked for. Here every integer
 * field takes only an exact JSON integer within its Java type's range, every decimal a JSON
 * number, every text a JSON string without NUL characters (PostgreSQL cannot store them), every
 * date an ISO date from {@link #EARLIEST} to {@link #LATEST}, every list an array and every
 * object an object with known fields. Range rules of the domain (positive, at most …) stay with
 * Bean Validation on the classes themselves.
 */
public final class JsonShape {

    /** The dates any request may name, in a body, a filter or a path (README "Limits"). */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    public static boolean withinRange(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** The JSON-visible fields of a body class: its public instance fields, by name. */
    private static final ClassValue<Map<String, Field>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, Field> computeValue(Class<?> type) {
            Map<String, Field> fields = new LinkedHashMap<>();
            for (Field f : type.getFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    fields.put(f.getName(), f);
                }
            }
            return fields;
        }
    };

    private JsonShape() {
    }

    /** The mistakes in {@code value} read as {@code type}, each naming its field as a JSON path. */
    static List<FieldError> check(JsonValue value, Type type) {
        List<FieldError> errors = new java.util.ArrayList<>();
        check(value, type, "", errors);
        return errors;
    }

    private static void check(JsonValue value, Type type, String path, List<FieldError> errors) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return; // whether null is allowed is Bean Validation's @NotNull
        }
        Class<?> raw = raw(type);
        String field = path.isEmpty() ? "body" : path;
        if (raw == Integer.class || raw == int.class || raw == Short.class || raw == short.class) {
            integer(value, field, INT_MIN, INT_MAX, errors);
        } else if (raw == Long.class || raw == long.class) {
            integer(value, field, LONG_MIN, LONG_MAX, errors);
        } else if (raw == BigDecimal.class || raw == Double.class || raw == double.class) {
            if (!(value instanceof JsonNumber)) {
                errors.add(new FieldError(field, "must be a number"));
            }
        } else if (raw == Boolean.class || raw == boolean.class) {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                errors.add(new FieldError(field, "must be true or false"));
            }
        } else if (raw == String.class) {
            if (!(value instanceof JsonString s)) {
                errors.add(new FieldError(field, "must be a string"));
            } else if (s.getString().indexOf('\u0000') >= 0) {
                errors.add(new FieldError(field, "must not contain NUL characters"));
            }
        } else if (raw == LocalDate.class) {
            date(value, field, errors);
        } else if (raw == UUID.class) {
            uuid(value, field, errors);
        } else if (raw.isEnum()) {
            enumeration(value, raw, field, errors);
        } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            if (!(value instanceof JsonArray array)) {
                errors.add(new FieldError(field, "must be an array"));
                return;
            }
            Type element = raw.isArray() ? raw.getComponentType() : typeArgument(type, 0);
            for (int i = 0; i < array.size(); i++) {
                check(array.get(i), element, path + "[" + i + "]", errors);
            }
        } else if (Map.class.isAssignableFrom(raw) || raw == Object.class || raw == JsonValue.class
                || JsonValue.class.isAssignableFrom(raw)) {
            // free-form: nothing to hold it to
        } else if (raw.getName().startsWith("io.quartermaster.")) {
            object(value, raw, path, field, errors);
        }
    }

    private static void object(JsonValue value, Class<?> raw, String path, String field, List<FieldError> errors) {
        if (!(value instanceof JsonObject object)) {
            errors.add(new FieldError(field, "must be an object"));
            return;
        }
        Map<String, Field> fields = FIELDS.get(raw);
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            String name = e.getKey();
            String at = path.isEmpty() ? name : path + "." + name;
            if (name.indexOf('\u0000') >= 0) {
                errors.add(new FieldError(field, "a field name must not contain NUL characters"));
                continue;
            }
            Field f = fields.get(name);
            if (f == null && fields.isEmpty()) {
                continue; // a class bound through setters: JSON-B itself refuses unknown fields
            }
            if (f == null) {
                errors.add(new FieldError(at, "unknown field"));
            } else {
                check(e.getValue(), f.getGenericType(), at, errors);
            }
        }
    }

    private static void integer(JsonValue value, String field, BigInteger min, BigInteger max, List<FieldError> errors) {
        String range = "an integer from " + min + " to " + max;
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            errors.add(new FieldError(field, "must be " + range + " (a JSON integer, no fraction, no quotes)"));
            return;
        }
        BigInteger n = number.bigIntegerValue();
        if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
            errors.add(new FieldError(field, "must be " + range));
        }
    }

    private static void date(JsonValue value, String field, List<FieldError> errors) {
        String message = "must be a date as yyyy-MM-dd from " + EARLIEST + " to " + LATEST;
        if (!(value instanceof JsonString s)) {
            errors.add(new FieldError(field, message));
            return;
        }
        try {
            LocalDate date = LocalDate.parse(s.getString());
            if (!withinRange(date)) {
                errors.add(new FieldError(field, message));
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, message));
        }
    }

    private static void uuid(JsonValue value, String field, List<FieldError> errors) {
        try {
            if (value instanceof JsonString s) {
                UUID.fromString(s.getString());
                return;
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        errors.add(new FieldError(field, "must be a UUID"));
    }

    private static void enumeration(JsonValue value, Class<?> type, String field, List<FieldError> errors) {
        Object[] constants = type.getEnumConstants();
        if (value instanceof JsonString s) {
            for (Object c : constants) {
                if (((Enum<?>) c).name().equals(s.getString())) {
                    return;
                }
            }
        }
        errors.add(new FieldError(field, "must be one of " + java.util.Arrays.stream(constants)
                .map(c -> ((Enum<?>) c).name()).collect(java.util.stream.Collectors.joining(", "))));
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
