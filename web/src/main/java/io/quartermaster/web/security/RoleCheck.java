package io.quartermaster.web.security;

import io.quartermaster.platform.api.identity.Caller;
import io.quartermaster.web.rest.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Enforces {@code @RolesAllowed} on every resource method (method annotation first, then
 * class). A resource method with no annotation at all is refused to everyone: forgetting
 * to say who may call an endpoint must fail closed, not open.
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        Set<String> allowed;
        if (method.isAnnotationPresent(DenyAll.class)) {
            allowed = Set.of();
        } else if (method.isAnnotationPresent(RolesAllowed.class)) {
            allowed = Set.of(method.getAnnotation(RolesAllowed.class).value());
        } else if (type.isAnnotationPresent(PermitAll.class)) {
            return;
        } else if (type.isAnnotationPresent(RolesAllowed.class)) {
            allowed = Set.of(type.getAnnotation(RolesAllowed.class).value());
        } else {
            allowed = Set.of();
        }
        context.register(new Filter(allowed), Priorities.AUTHORIZATION - 1);
    }

    /** Before Jersey's own roles filter (same priority otherwise), so callers get this problem's detail. */
    @Priority(Priorities.AUTHORIZATION - 1)
    static final class Filter implements ContainerRequestFilter {

        private final Set<String> allowed;

        Filter(Set<String> allowed) {
            this.allowed = allowed;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            Object caller = request.getProperty(Authentication.CALLER_ATTRIBUTE);
            if (!(caller instanceof Caller c)) {
                request.abortWith(Problems.response(401, "Unauthorized", "Credentials are required."));
                return;
            }
            boolean permitted = c.roles().stream().anyMatch(r -> allowed.contains(r.name()));
            if (!permitted) {
                String roles = allowed.isEmpty() ? "nobody" : Arrays.stream(allowed.toArray(String[]::new))
                        .sorted().collect(Collectors.joining(", "));
                request.abortWith(Problems.response(403, "Forbidden",
                        "This needs one of the roles: " + roles + "."));
            }
        }
    }
}
