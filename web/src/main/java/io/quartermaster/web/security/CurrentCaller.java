package io.quartermaster.web.security;

import io.quartermaster.platform.api.identity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** The authenticated caller of the current request, as {@link Authentication} found it. */
@RequestScoped
public class CurrentCaller {

    @Inject
    HttpServletRequest request;

    public Caller get() {
        Object caller = request.getAttribute(Authentication.CALLER_ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller on " + request.getRequestURI());
        }
        return (Caller) caller;
    }

    public String name() {
        return get().name();
    }
}
