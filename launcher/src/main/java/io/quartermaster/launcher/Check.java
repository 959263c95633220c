package io.quartermaster.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * {@code ./quartermaster check}: asks a running Quartermaster to verify every invariant
 * ({@code GET /api/v1/admin/invariants}) and prints one line per rule, the rows of every
 * violation, and the dead letters. Exit 0: all rules hold; 1: violations; 2: could not check.
 */
public final class Check {

    static final String USAGE = "usage: quartermaster check [--url http://localhost:8080] [--user admin] [--in-flight-seconds 60]\n"
            + "       the password comes from QM_ADMIN_PASSWORD, or is asked for";

    private Check() {
    }

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:" + System.getenv().getOrDefault("QM_HTTP_PORT", "8080");
        String user = System.getenv().getOrDefault("QM_ADMIN_USER", "admin");
        int inFlight = 60;
        try {
            for (int i = args.length > 0 && args[0].equals("check") ? 1 : 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--url" -> url = args[++i];
                    case "--user" -> user = args[++i];
                    case "--in-flight-seconds" -> inFlight = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException(args[i]);
                }
            }
        } catch (RuntimeException e) {
            System.err.println(USAGE);
            System.exit(2);
        }
        String password = System.getenv("QM_ADMIN_PASSWORD");
        if (password == null || password.isBlank()) {
            Console console = System.console();
            if (console == null) {
                System.err.println("QM_ADMIN_PASSWORD is not set and there is no terminal to ask for it");
                System.exit(2);
            }
            password = new String(console.readPassword("Password for %s: ", user));
        }
        System.exit(run(url, user, password, inFlight, System.out));
    }

    /** Fetches and prints the report; returns the exit code. */
    public static int run(String url, String user, String password, int inFlightSeconds, PrintStream out) {
        JsonObject report;
        try {
            report = fetch(url, user, password, inFlightSeconds);
        } catch (IOException | InterruptedException | IllegalStateException e) {
            out.println("Could not check " + url + ": " + e.getMessage());
            return 2;
        }
        print(report, out);
        return report.getBoolean("ok") ? 0 : 1;
    }

    public static JsonObject fetch(String url, String user, String password, int inFlightSeconds)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(url + "/api/v1/admin/invariants?inFlightSeconds=" + inFlightSeconds))
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json")
                .timeout(Duration.ofMinutes(5))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    public static void print(JsonObject report, PrintStream out) {
        out.printf("Invariant check at %s (%d ms)%n%n", report.getString("checkedAt"), report.getJsonNumber("millis").longValue());
        out.printf("%-10s %-78s %9s %10s%n", "module", "rule", "checked", "violations");
        for (JsonValue value : report.getJsonArray("checks")) {
            JsonObject check = value.asJsonObject();
            out.printf("%-10s %-78s %9d %10d%n", check.getString("module"), abbreviate(check.getString("rule"), 78),
                    check.getJsonNumber("checked").longValue(), check.getJsonArray("violations").size());
        }
        for (JsonValue value : report.getJsonArray("checks")) {
            JsonObject check = value.asJsonObject();
            for (JsonValue v : check.getJsonArray("violations")) {
                JsonObject violation = v.asJsonObject();
                out.printf("%n  VIOLATION %s: %s%n    %s%n    rows: %s%n", check.getString("module"), check.getString("rule"),
                        violation.getString("detail"), violation.get("rows"));
            }
        }
        JsonObject outbox = report.getJsonObject("outbox");
        out.printf("%nOutbox: %s unpublished%s%n", outbox.get("unpublished"),
                outbox.isNull("oldestUnpublished") ? "" : ", oldest " + outbox.getString("oldestUnpublished"));
        var dead = report.getJsonArray("deadLetters");
        out.printf("Dead letters: %d%s%n", dead.size(), dead.isEmpty() ? "" : " (parked, not lost: see /api/v1/admin/dead-letters)");
        for (JsonValue v : dead) {
            JsonObject letter = v.asJsonObject();
            out.printf("  %s %s for %s: %s%n", string(letter, "id"), string(letter, "type"), string(letter, "consumer"),
                    abbreviate(string(letter, "error"), 120));
        }
        out.printf("%n%s%n", report.getBoolean("ok") ? "OK: every invariant holds."
                : "FAILED: " + report.getJsonNumber("violations").longValue() + " violation(s).");
    }

    private static String string(JsonObject o, String name) {
        return o.containsKey(name) && !o.isNull(name) ? o.get(name).toString().replaceAll("^\"|\"$", "") : "-";
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
