package io.quartermaster.web.security;

import io.quartermaster.orders.api.Seller;
import io.quartermaster.orders.api.Viewer;
import io.quartermaster.platform.api.identity.Caller;
import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.platform.api.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The current caller as the orders module needs to see it: who owns what, and who may see everything. */
@RequestScoped
public class Callers {

    @Inject
    CurrentCaller current;

    public Seller seller() {
        Caller caller = current.get();
        String channel = caller.channel().orElseThrow(() ->
                new ProblemException(403, "Forbidden", "only a CHANNEL client sells; it sells on its own channel"));
        return new Seller(owner(caller), channel, caller.name());
    }

    public Viewer viewer() {
        Caller caller = current.get();
        return new Viewer(owner(caller), caller.hasRole(Role.STAFF) || caller.hasRole(Role.ADMIN), caller.name());
    }

    private static String owner(Caller caller) {
        return caller.clientId().map(id -> "client:" + id).orElse("user:" + caller.name());
    }
}
