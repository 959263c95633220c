package io.quartermaster.bench.client;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;

/**
 * The few calls the bench and the fault suite make against the real REST API, with
 * {@code java.net.http}. Answers are kept raw (status, body, Retry-After) so that callers can
 * count every status they saw.
 */
public final class Api {

    private final HttpClient http;
    private final Duration timeout;

    public Api(Duration timeout) {
        this.timeout = timeout;
        // HTTP/1.1 as registers and storefront back ends send it: the JDK client's default (HTTP/2)
        // asks every new cleartext connection to upgrade to h2c, and under 128 clients Payara's
        // upgrade path left request bodies unread until Grizzly's blocking read timed out.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "http");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    public record Answer(int status, String body, Integer retryAfter) {

        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public JsonArray jsonArray() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        public String title() {
            try {
                return json().getString("title", "");
            } catch (RuntimeException e) {
                return "";
            }
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String bearer(String key) {
        return "Bearer " + key;
    }

    /** One request; IOException when there was no answer (refused, reset, timed out). */
    public Answer call(String baseUrl, String method, String path, String authorization, JsonStructure body,
                       String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Integer retryAfter = response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
        return new Answer(response.statusCode(), response.body(), retryAfter);
    }

    /** A set-up call that must succeed: anything but 2xx is an error with the answer in it. */
    public Answer require(String baseUrl, String method, String path, String authorization, JsonStructure body)
            throws IOException, InterruptedException {
        Answer answer = call(baseUrl, method, path, authorization, body,
                "POST".equals(method) ? java.util.UUID.randomUUID().toString() : null);
        if (answer.status() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }
}
