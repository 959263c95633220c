package io.quartermaster.web.rest.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds {@code application/problem+json} answers (RFC 9457): {@code type, title, status, detail} and extras. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    private Problems() {
    }

    public static Map<String, Object> body(int status, String title, String detail, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type(title));
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        body.putAll(extensions);
        return body;
    }

    private static String type(String title) {
        return "https://quartermaster.io/problems/" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    /**
     * The same answer written straight to a servlet response, for the code that runs before
     * JAX-RS does (the authentication mechanism, servlet filters): with {@code errors} when
     * given, and the headers every API answer carries.
     */
    public static void write(jakarta.servlet.http.HttpServletResponse response, int status, String title, String detail,
                             Map<String, String> headers, java.util.List<io.quartermaster.platform.api.problem.FieldError> errors)
            throws java.io.IOException {
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        var json = io.quartermaster.platform.api.event.Jsonp.object()
                .add("type", type(title))
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
        if (!errors.isEmpty()) {
            var list = io.quartermaster.platform.api.event.Jsonp.array();
            errors.forEach(e -> list.add(io.quartermaster.platform.api.event.Jsonp.object().add("field", e.field())
                    .add("message", e.message())));
            json.add("errors", list);
        }
        response.getWriter().write(json.build().toString());
    }

    public static Response response(int status, String title, String detail) {
        return response(status, title, detail, Map.of());
    }

    public static Response response(int status, String title, String detail, Map<String, Object> extensions) {
        return Response.status(status)
                .type(PROBLEM_JSON)
                .entity(body(status, title, detail, extensions))
                .build();
    }
}
