package io.quartermaster.web.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Every API answer: {@code X-Content-Type-Options: nosniff} (a browser must not read a JSON or
 * CSV answer as HTML) and {@code Cache-Control: no-store} unless the resource chose otherwise —
 * answers carry stock, orders, books and sometimes secrets, none of which a cache should keep.
 * A successful answer also ends a database outage's log ({@code DatabaseOutage}).
 */
@Provider
public class ApiHeaders implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
        if (response.getStatus() >= 200 && response.getStatus() < 300) {
            io.quartermaster.web.rest.problem.DatabaseOutage.answeredNormally();
        }
    }
}
