package io.quartermaster.web.openapi;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Schemas read from the Java types of bodies and answers. The runtime's generator left list
 * elements out ({@code lines} without {@code items}: invalid OpenAPI) and dropped nested objects
 * ({@code OrderRequest} without {@code payment}), and knew no answer type; a generated client
 * could build neither body nor answer. Fields and record components become properties, with
 * their Bean Validation rules (required, sizes, bounds, patterns); enums list their values.
 */
final class BodySchemas {

    private BodySchemas() {
    }

    /** The method's body class: its parameter without a JAX-RS annotation, if any. */
    static java.util.Optional<Class<?>> bodyClass(Method method) {
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            if (Arrays.stream(annotations[i]).noneMatch(BodySchemas::isParameterAnnotation) && !types[i].getName().startsWith("java.")) {
                return java.util.Optional.of(types[i]);
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean isParameterAnnotation(Annotation a) {
        Class<? extends Annotation> t = a.annotationType();
        return t == PathParam.class || t == QueryParam.class || t == HeaderParam.class || t == Context.class
                || t == BeanParam.class || t == CookieParam.class || t == FormParam.class || t == MatrixParam.class;
    }

    /** The Bean Validation rules of a field, in OpenAPI's words (the server checks them; the document tells). */
    private static Schema constrained(Schema schema, java.lang.reflect.AnnotatedElement element, String name, List<String> required) {
        if (element.isAnnotationPresent(jakarta.validation.constraints.NotNull.class)
                || element.isAnnotationPresent(jakarta.validation.constraints.NotBlank.class)
                || element.isAnnotationPresent(jakarta.validation.constraints.NotEmpty.class)) {
            required.add(name);
        }
        boolean array = schema.getType() == Schema.SchemaType.ARRAY;
        jakarta.validation.constraints.Size size = element.getAnnotation(jakarta.validation.constraints.Size.class);
        if (size != null) {
            if (array) {
                schema.minItems(size.min() > 0 ? size.min() : null).maxItems(size.max() < Integer.MAX_VALUE ? size.max() : null);
            } else {
                schema.minLength(size.min() > 0 ? size.min() : null).maxLength(size.max() < Integer.MAX_VALUE ? size.max() : null);
            }
        }
        if (array && element.isAnnotationPresent(jakarta.validation.constraints.NotEmpty.class) && schema.getMinItems() == null) {
            schema.minItems(1);
        }
        if (!array && element.isAnnotationPresent(jakarta.validation.constraints.NotBlank.class) && schema.getMinLength() == null) {
            schema.minLength(1);
        }
        jakarta.validation.constraints.Min min = element.getAnnotation(jakarta.validation.constraints.Min.class);
        if (min != null) {
            schema.minimum(BigDecimal.valueOf(min.value()));
        }
        jakarta.validation.constraints.Max max = element.getAnnotation(jakarta.validation.constraints.Max.class);
        if (max != null) {
            schema.maximum(BigDecimal.valueOf(max.value()));
        }
        jakarta.validation.constraints.Positive positive = element.getAnnotation(jakarta.validation.constraints.Positive.class);
        if (positive != null) {
            schema.minimum(BigDecimal.ZERO).exclusiveMinimum(true);
        }
        jakarta.validation.constraints.PositiveOrZero zeroOrMore = element.getAnnotation(jakarta.validation.constraints.PositiveOrZero.class);
        if (zeroOrMore != null) {
            schema.minimum(BigDecimal.ZERO);
        }
        jakarta.validation.constraints.DecimalMin decimalMin = element.getAnnotation(jakarta.validation.constraints.DecimalMin.class);
        if (decimalMin != null) {
            schema.minimum(new BigDecimal(decimalMin.value())).exclusiveMinimum(decimalMin.inclusive() ? null : true);
        }
        jakarta.validation.constraints.DecimalMax decimalMax = element.getAnnotation(jakarta.validation.constraints.DecimalMax.class);
        if (decimalMax != null) {
            schema.maximum(new BigDecimal(decimalMax.value())).exclusiveMaximum(decimalMax.inclusive() ? null : true);
        }
        jakarta.validation.constraints.Pattern pattern = element.getAnnotation(jakarta.validation.constraints.Pattern.class);
        if (pattern != null) {
            schema.pattern(pattern.regexp());
        }
        return schema;
    }

    private static Type substitute(Type type, Map<String, Type> actual) {
        if (type instanceof java.lang.reflect.TypeVariable<?> v && actual.containsKey(v.getName())) {
            return actual.get(v.getName());
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] instanceof java.lang.reflect.TypeVariable<?> v && actual.containsKey(v.getName())) {
            Type element = actual.get(v.getName());
            return new ParameterizedType() {
                @Override
                public Type[] getActualTypeArguments() {
                    return new Type[] {element};
                }

                @Override
                public Type getRawType() {
                    return List.class;
                }

                @Override
                public Type getOwnerType() {
                    return null;
                }
            };
        }
        return type;
    }

    /**
     * A component's name for a class: its simple name, prefixed by its enclosing type's for a part of
     * one ({@code OrderView.Line} is OrderViewLine, {@code ManualEntry.Line} ManualEntryLine — two
     * bodies' lines are two schemas); a class that only groups views, or a resource that declares its
     * answers (no public fields of its own), adds nothing.
     */
    static String name(Class<?> c) {
        Class<?> enclosing = c.getEnclosingClass();
        boolean part = enclosing != null && (enclosing.isRecord() || java.util.Arrays.stream(enclosing.getDeclaredFields())
                .anyMatch(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers())
                        && java.lang.reflect.Modifier.isPublic(f.getModifiers())));
        return part ? name(enclosing) + c.getSimpleName() : c.getSimpleName();
    }

    /** A schema for a Java type: scalars by kind, enums with their values, classes and records by their fields. */
    static Schema of(Type type, int depth) {
        return of(type, depth, null);
    }

    /** As {@link #of(Type, int)}; with {@code components}, classes inside are components of their own, by {@link #name}. */
    static Schema of(Type type, int depth, org.eclipse.microprofile.openapi.models.Components components) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw && List.class.isAssignableFrom(raw)) {
            return OASFactory.createObject(Schema.class).type(Schema.SchemaType.ARRAY).items(of(p.getActualTypeArguments()[0], depth + 1, components));
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw && raw.isRecord() && depth <= 4) {
            // a generic record such as Page<T>: its components with T replaced by the actual type
            Map<String, Type> actual = new HashMap<>();
            for (int i = 0; i < raw.getTypeParameters().length; i++) {
                actual.put(raw.getTypeParameters()[i].getName(), p.getActualTypeArguments()[i]);
            }
            Schema object = OASFactory.createObject(Schema.class).type(Schema.SchemaType.OBJECT);
            for (RecordComponent component : raw.getRecordComponents()) {
                object.addProperty(component.getName(), of(substitute(component.getGenericType(), actual), depth + 1, components));
            }
            return object;
        }
        if (!(type instanceof Class<?> c)) {
            return OASFactory.createObject(Schema.class).type(Schema.SchemaType.OBJECT);
        }
        if (c == String.class) {
            return OASFactory.createObject(Schema.class).type(Schema.SchemaType.STRING);
        }
        if (c == UUID.class) {
            return OASFactory.createObject(Schema.class).type(Schema.SchemaType.STRING).format("uuid");
        }
        if (c == LocalDate.class) {
            return OASFactory.createObject(Schema.class).type(Schema.SchemaType.STRING).format("date");
        }
        if (c == Instant.class) {
            return OASFactory.createObject(Schema.class).type(Schema.SchemaType.STRING).format("date-time");
        }
        if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
            return OASFactory.createObject(Schema.class).type(Schema.SchemaType.INTEGER);
        }
        if (c == BigDecimal.class || c == Double.class || c == double.class) {
            return OASFactory.createObject(Schema.class).type(Schema.SchemaType.NUMBER);
        }
        if (c == Boolean.class || c == boolean.class) {
            return OASFactory.createObject(Schema.class).type(Schema.SchemaType.BOOLEAN);
        }
        if (c.isEnum()) {
            Schema schema = OASFactory.createObject(Schema.class).type(Schema.SchemaType.STRING);
            for (Object constant : c.getEnumConstants()) {
                schema.addEnumeration(((Enum<?>) constant).name());
            }
            return schema;
        }
        if (components != null && depth > 0) {
            String name = name(c);
            if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
                components.addSchema(name, OASFactory.createObject(Schema.class)); // placeholder: a class that holds itself ends here
                components.addSchema(name, of(c, 0, components));
            }
            return OASFactory.createObject(Schema.class).ref("#/components/schemas/" + name);
        }
        Schema object = OASFactory.createObject(Schema.class).type(Schema.SchemaType.OBJECT);
        if (depth > 4) {
            return object;
        }
        List<String> required = new java.util.ArrayList<>();
        if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                object.addProperty(component.getName(), constrained(of(component.getGenericType(), depth + 1, components), component,
                        component.getName(), required));
            }
        } else {
            for (Field field : c.getFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    object.addProperty(field.getName(), constrained(of(field.getGenericType(), depth + 1, components), field,
                            field.getName(), required));
                }
            }
        }
        if (!required.isEmpty()) {
            object.setRequired(required);
        }
        return object;
    }
}
