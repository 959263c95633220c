package io.quartermaster.web.security;

import io.quartermaster.platform.api.problem.FieldError;
import io.quartermaster.web.rest.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A NUL character ({@code \u0000}, {@code %00}) in the path, a query parameter or a form field
 * is refused with a 400 naming the parameter, for the API and the pages alike: PostgreSQL cannot
 * store or even compare text containing one, so letting it through ends in a 500. (JSON bodies
 * are checked field by field as they are read, in {@code rest.JsonShape}.)
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class NulCharacters extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String bad = null;
        if (request.getRequestURI().toLowerCase(Locale.ROOT).contains("%00")) {
            bad = "path";
        } else if (request.getQueryString() != null || isForm(request)) {
            for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
                if (e.getKey().indexOf('\u0000') >= 0) {
                    bad = "parameter name";
                    break;
                }
                for (String value : e.getValue()) {
                    if (value != null && value.indexOf('\u0000') >= 0) {
                        bad = e.getKey();
                        break;
                    }
                }
                if (bad != null) {
                    break;
                }
            }
        }
        if (bad == null) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            response.sendError(400, bad + ": must not contain NUL characters");
            return;
        }
        String message = "must not contain NUL characters";
        Problems.write(response, 400, "Invalid request", bad + ": " + message, Map.of(), List.of(new FieldError(bad, message)));
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded"));
    }
}
