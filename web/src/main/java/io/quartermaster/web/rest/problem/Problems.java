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
        body.put("type", "https://quartermaster.io/problems/" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        body.putAll(extensions);
        return body;
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
