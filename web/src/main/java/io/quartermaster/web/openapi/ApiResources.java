package io.quartermaster.web.openapi;

import io.quartermaster.web.rest.admin.ApiClientsResource;
import io.quartermaster.web.rest.admin.DeadLettersResource;
import io.quartermaster.web.rest.admin.InvariantsResource;
import io.quartermaster.web.rest.admin.RegisterKeysResource;
import io.quartermaster.web.rest.admin.StockBatchesResource;
import io.quartermaster.web.rest.admin.StockChecksResource;
import io.quartermaster.web.rest.admin.UsersResource;
import io.quartermaster.web.rest.admin.WebhooksResource;
import io.quartermaster.web.rest.erp.PurchaseOrdersResource;
import io.quartermaster.web.rest.erp.ReplenishmentSettingsResource;
import io.quartermaster.web.rest.erp.VendorsResource;
import io.quartermaster.web.rest.inventory.LocationsResource;
import io.quartermaster.web.rest.inventory.ProductsResource;
import io.quartermaster.web.rest.inventory.StockLevelsResource;
import io.quartermaster.web.rest.ledger.LedgerReportsResource;
import io.quartermaster.web.rest.ledger.PeriodsResource;
import io.quartermaster.web.rest.orders.CheckoutsResource;
import io.quartermaster.web.rest.orders.ChannelsResource;
import io.quartermaster.web.rest.orders.OrdersResource;
import io.quartermaster.web.rest.orders.RegistersResource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the API's resources say about themselves, read by reflection: each operation's methods,
 * the roles that may call it, its body and its answer. {@link ApiDocument} completes the
 * document from it; {@code ApiDocumentTest} checks it covers every resource and role.
 */
final class ApiResources {

    static final String PREFIX = "/api/v1";

    /** Every resource of the API; {@code ApiDocumentTest} fails when one is missing. */
    static final List<Class<?>> RESOURCES = List.of(ApiClientsResource.class, DeadLettersResource.class,
            InvariantsResource.class, StockBatchesResource.class, StockChecksResource.class, UsersResource.class,
            WebhooksResource.class, PurchaseOrdersResource.class, ReplenishmentSettingsResource.class, VendorsResource.class,
            LocationsResource.class, ProductsResource.class, StockLevelsResource.class, LedgerReportsResource.class,
            PeriodsResource.class, CheckoutsResource.class, ChannelsResource.class, OrdersResource.class,
            RegisterKeysResource.class, RegistersResource.class);

    /** The resources' methods per {@code "METHOD /path"} (a report's JSON and CSV methods share one operation). */
    static Map<String, List<Method>> methods() {
        Map<String, List<Method>> methods = new LinkedHashMap<>();
        for (Class<?> resource : RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    methods.computeIfAbsent(verb + " " + join(base, sub == null ? "" : sub.value()), k -> new ArrayList<>())
                            .add(method);
                }
            }
        }
        return methods;
    }

    /** What the document says of an operation that needs no credential ({@code @PermitAll}: pairing a register). */
    static final String ANYONE = "anyone, without a credential";

    /** Roles per operation, read from its methods' {@code @RolesAllowed} (or their class's), or {@link #ANYONE}. */
    static Map<String, Set<String>> roles() {
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        methods().forEach((key, methods) -> {
            Set<String> names = new TreeSet<>();
            for (Method method : methods) {
                RolesAllowed allowed = method.getAnnotation(RolesAllowed.class) != null
                        ? method.getAnnotation(RolesAllowed.class) : method.getDeclaringClass().getAnnotation(RolesAllowed.class);
                if (method.getAnnotation(PermitAll.class) != null) {
                    names.add(ANYONE);
                } else if (allowed != null) {
                    names.addAll(List.of(allowed.value()));
                }
            }
            roles.put(key, names);
        });
        return roles;
    }

    /** The body's class per operation: the parameter without a JAX-RS annotation. */
    static Map<String, Class<?>> bodies() {
        Map<String, Class<?>> bodies = new LinkedHashMap<>();
        methods().forEach((key, methods) -> methods.stream().map(BodySchemas::bodyClass).flatMap(java.util.Optional::stream)
                .findFirst().ifPresent(type -> bodies.put(key, type)));
        return bodies;
    }

    /** The answer's type per operation: its JSON method's return type, or {@link ApiOperations#ANSWERS}. */
    static Map<String, java.lang.reflect.Type> answers() {
        Map<String, java.lang.reflect.Type> answers = new LinkedHashMap<>();
        methods().forEach((key, methods) -> {
            for (Method method : methods) {
                jakarta.ws.rs.Produces produces = method.getAnnotation(jakarta.ws.rs.Produces.class);
                Class<?> returned = method.getReturnType();
                if ((produces == null || List.of(produces.value()).contains("application/json"))
                        && returned != jakarta.ws.rs.core.Response.class && returned != void.class) {
                    answers.putIfAbsent(key, method.getGenericReturnType());
                }
            }
        });
        answers.putAll(ApiOperations.ANSWERS);
        return answers;
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return null;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private ApiResources() {
    }
}
