package io.quartermaster.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quartermaster.web.it.Http.Answer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every POST and PUT of the API (all that {@code /openapi} lists — a new one without a template
 * here fails the test) with each field of a valid body replaced, one at a time, by hostile
 * values: wrong types, extremes, NUL, a huge string, deep nesting; and whole bodies that are no
 * object at all. No answer may be a 5xx or speak of Java classes, libraries or parsers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileValuesFuzzIT {

    private static final List<String> HOSTILE = List.of("1.5", "4294967297", "-2147483649", "1e400", "-1", "0",
            "\"\\u0000\"", "\"" + "x".repeat(100_000) + "\"", "[".repeat(40) + "]".repeat(40), "{}", "[]", "true", "null",
            "\"2026-13-45\"", "\"' or 1=1 --\"", "\"\\ud83d\\ude00\"", "9".repeat(400),
            // longer than the JSON parser reads into a number (1,100 characters), and exponents past any range
            "1" + "0".repeat(2000), "-0." + "0".repeat(1500) + "1", "1e1000000", "-1e-1000000");

    private static final List<String> WHOLE_BODIES = List.of("[]", "null", "\"x\"", "42", "{", "{\"a\":1}{}", "",
            "{".repeat(3000), "{\"\\u0000\":1}");

    /** Nothing listens there (port 9, discard): deliveries to the fuzzed webhooks fail fast. */
    private static final String FUZZ_WEBHOOK_URL = "http://127.0.0.1:9/fuzz";

    private record Endpoint(String method, String template, String path, String body, String authorization) {
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.quartermaster();
    }

    @Test
    void noPostOrPutAnswersHostileValuesWithAServerErrorOrALibrarysWords() throws Exception {
        java.util.Set<String> before = Invariants.violations();
        List<Endpoint> endpoints = endpoints();
        Set<String> covered = new TreeSet<>();
        endpoints.forEach(e -> covered.add(e.method() + " " + e.template()));
        assertThat(covered).as("every POST and PUT the OpenAPI document lists has a template here")
                .containsAll(operations());

        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Endpoint e : endpoints) {
            List<String> bodies = new ArrayList<>(WHOLE_BODIES);
            JsonObject valid = parse(e.body());
            for (String[] field : fields(valid)) {
                for (String value : HOSTILE) {
                    bodies.add(replace(valid, field, value));
                }
            }
            for (String body : bodies) {
                Answer answer = send(e, body);
                requests++;
                String text = answer.body();
                if (answer.status() >= 500 || text.contains("org.") || text.contains("java.") || text.contains("jakarta.")
                        || text.contains("Exception") || text.contains("yasson") || text.contains("EOF")) {
                    failures.add(e.method() + " " + e.path() + " " + abbreviate(body) + " → " + answer.status() + " "
                            + abbreviate(text));
                }
            }
        }
        // The webhooks the fuzzing created point nowhere: they go, so later tests' events are not sent to them.
        for (JsonObject w : Http.get("/api/v1/admin/webhooks", Http.admin()).array().getValuesAs(JsonObject.class)) {
            if (w.getString("url").startsWith(FUZZ_WEBHOOK_URL)) {
                Http.delete("/api/v1/admin/webhooks/" + w.getString("id"), Http.admin());
            }
        }
        System.out.println("HostileValuesFuzzIT: " + requests + " hostile requests to " + endpoints.size() + " endpoints");
        assertThat(requests).isGreaterThan(1000);
        assertThat(failures).as(failures.size() + " of " + requests + " hostile requests").isEmpty();
        // Whatever was accepted left the system whole: the invariant checker (./quartermaster check) finds nothing new.
        Invariants.noneBeyond(before);
    }

    private List<Endpoint> endpoints() throws Exception {
        String sku = Shop.product("FUZZ-", "Fuzzed mug", "10.00", "0.2");
        Shop.receive(sku, 1000, "2.00");
        String other = Shop.product("FUZZP-", "Fuzzed product", "10.00", "0.2");
        assertThat(Http.put("/api/v1/locations/FUZZLOC", "{\"name\":\"Fuzz room\"}", Http.admin()).status()).isIn(200, 201);
        assertThat(Http.put("/api/v1/erp/vendors/FZV", "{\"name\":\"Fuzz vendor\",\"email\":\"v@example.com\",\"leadTimeDays\":3}",
                Http.admin()).status()).isIn(200, 201);
        String accountant = user("ACCOUNTANT");
        assertThat(Http.put("/api/v1/ledger/accounts/6999", "{\"name\":\"Fuzz expense\",\"type\":\"EXPENSE\"}", accountant)
                .status()).isIn(200, 201);
        assertThat(Http.put("/api/v1/ledger/accounts/3999", "{\"name\":\"Fuzz equity\",\"type\":\"EQUITY\"}", accountant)
                .status()).isIn(200, 201);
        String staffName = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Http.post("/api/v1/admin/users", "{\"username\":\"" + staffName + "\",\"password\":\"fuzz-password-123\","
                + "\"roles\":[\"STAFF\"]}", Http.admin()).status()).isEqualTo(201);
        String web = Http.bearer(Shop.channelKey("fuzz-" + sku, "WEB"));
        String admin = Http.admin();
        String id = UUID.randomUUID().toString();
        String line = "{\"sku\":\"" + sku + "\",\"quantity\":1}";
        Answer webhook = Http.post("/api/v1/admin/webhooks", "{\"url\":\"" + FUZZ_WEBHOOK_URL + "\",\"events\":[\"OrderPlaced\"]}",
                Http.admin());
        assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
        String webhookId = webhook.json().getString("id");
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("POST", "/api/v1/admin/webhooks", "/api/v1/admin/webhooks", "{\"url\":\"" + FUZZ_WEBHOOK_URL
                + "/a\",\"events\":[\"OrderPlaced\",\"StockSold\"],\"description\":\"fz\",\"active\":true}", admin));
        e.add(new Endpoint("PUT", "/api/v1/admin/webhooks/{id}", "/api/v1/admin/webhooks/" + webhookId, "{\"url\":\""
                + FUZZ_WEBHOOK_URL + "/b\",\"events\":[\"*\"],\"description\":\"fz\",\"active\":false}", admin));
        e.add(new Endpoint("POST", "/api/v1/admin/webhooks/{id}/rotate-secret", "/api/v1/admin/webhooks/" + webhookId
                + "/rotate-secret", "{\"note\":\"x\"}", admin));
        e.add(new Endpoint("POST", "/api/v1/admin/webhooks/{id}/deliveries/{eventId}/redeliver", "/api/v1/admin/webhooks/"
                + webhookId + "/deliveries/" + id + "/redeliver", "{\"note\":\"x\"}", admin));
        e.add(new Endpoint("POST", "/api/v1/admin/api-clients", "/api/v1/admin/api-clients",
                "{\"name\":\"fz\",\"role\":\"CHANNEL\",\"channel\":\"WEB\"}", admin));
        e.add(new Endpoint("POST", "/api/v1/admin/dead-letters/{id}/retry", "/api/v1/admin/dead-letters/" + id + "/retry",
                "{\"note\":\"x\"}", admin));
        e.add(new Endpoint("POST", "/api/v1/admin/users", "/api/v1/admin/users",
                "{\"username\":\"fz-x\",\"password\":\"fuzz-password-123\",\"roles\":[\"STAFF\"]}", admin));
        e.add(new Endpoint("PUT", "/api/v1/admin/users/{username}", "/api/v1/admin/users/" + staffName,
                "{\"roles\":[\"STAFF\"],\"active\":true,\"password\":\"fuzz-password-456\"}", admin));
        e.add(new Endpoint("PUT", "/api/v1/channels/{code}", "/api/v1/channels/FUZZ", "{\"name\":\"Fuzz\",\"holdTtlSeconds\":60}",
                admin));
        e.add(new Endpoint("POST", "/api/v1/checkouts", "/api/v1/checkouts", "{\"lines\":[" + line + "],\"customerRef\":\"c\"}", web));
        e.add(new Endpoint("POST", "/api/v1/checkouts/{id}/confirm", "/api/v1/checkouts/" + id + "/confirm",
                "{\"payment\":{\"token\":\"tok_visa\"}}", web));
        e.add(new Endpoint("POST", "/api/v1/erp/purchase-orders", "/api/v1/erp/purchase-orders", "{\"vendor\":\"FZV\",\"lines\":"
                + "[{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantity\":1,\"unitCost\":1}]}", admin));
        for (String action : List.of("cancel", "issue")) {
            e.add(new Endpoint("POST", "/api/v1/erp/purchase-orders/{id}/" + action, "/api/v1/erp/purchase-orders/" + id + "/"
                    + action, "{\"reason\":\"x\"}", admin));
        }
        e.add(new Endpoint("POST", "/api/v1/erp/purchase-orders/{id}/receipts", "/api/v1/erp/purchase-orders/" + id + "/receipts",
                "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1,\"unitCost\":1}]}", admin));
        e.add(new Endpoint("PUT", "/api/v1/erp/replenishment/{sku}/{location}", "/api/v1/erp/replenishment/" + sku + "/MAIN",
                "{\"reorderPoint\":1,\"maxLevel\":5,\"vendor\":\"FZV\",\"packSize\":1,\"minOrderQuantity\":1,\"unitCost\":1}", admin));
        e.add(new Endpoint("POST", "/api/v1/erp/replenishment/{sku}/{location}/apply-suggestion", "/api/v1/erp/replenishment/"
                + sku + "/MAIN/apply-suggestion", "{\"x\":1}", admin));
        e.add(new Endpoint("PUT", "/api/v1/erp/vendors/{code}", "/api/v1/erp/vendors/FZV",
                "{\"name\":\"Fuzz vendor\",\"email\":\"v@example.com\",\"leadTimeDays\":3}", admin));
        e.add(new Endpoint("PUT", "/api/v1/ledger/accounts/{code}", "/api/v1/ledger/accounts/6999",
                "{\"name\":\"Fuzz expense\",\"type\":\"EXPENSE\"}", accountant));
        e.add(new Endpoint("POST", "/api/v1/ledger/journal", "/api/v1/ledger/journal", "{\"date\":\"2026-12-01\",\"description\":"
                + "\"fz\",\"lines\":[{\"account\":\"6999\",\"debit\":1},{\"account\":\"3999\",\"credit\":1}]}", accountant));
        e.add(new Endpoint("POST", "/api/v1/ledger/journal/{id}/reversal", "/api/v1/ledger/journal/999999999/reversal",
                "{\"reason\":\"fz\"}", accountant));
        for (String action : List.of("close", "reopen")) {
            e.add(new Endpoint("POST", "/api/v1/ledger/periods/{month}/" + action, "/api/v1/ledger/periods/1999-01/" + action,
                    "{\"x\":1}", accountant));
        }
        e.add(new Endpoint("PUT", "/api/v1/locations/{code}", "/api/v1/locations/FUZZLOC", "{\"name\":\"Fuzz room\"}", admin));
        e.add(new Endpoint("POST", "/api/v1/orders", "/api/v1/orders", "{\"lines\":[" + line + "],\"payment\":"
                + "{\"token\":\"tok_visa\"},\"customerRef\":\"c\"}", web));
        e.add(new Endpoint("POST", "/api/v1/orders/{id}/cancel", "/api/v1/orders/" + id + "/cancel", "{\"reason\":\"x\"}", admin));
        e.add(new Endpoint("POST", "/api/v1/orders/{id}/returns", "/api/v1/orders/" + id + "/returns",
                "{\"lines\":[" + line + "]}", admin));
        e.add(new Endpoint("PUT", "/api/v1/products/{sku}", "/api/v1/products/" + other,
                "{\"name\":\"Fuzz\",\"price\":10,\"taxRate\":0.2,\"active\":true}", admin));
        e.add(new Endpoint("POST", "/api/v1/stock/adjustments", "/api/v1/stock/adjustments", "{\"sku\":\"" + sku + "\","
                + "\"location\":\"MAIN\",\"quantityDelta\":-1,\"reason\":\"fz\"}", admin));
        e.add(new Endpoint("POST", "/api/v1/stock/counts", "/api/v1/stock/counts", "{\"sku\":\"" + sku + "\","
                + "\"location\":\"MAIN\",\"countedQuantity\":900,\"reason\":\"fz\"}", admin));
        e.add(new Endpoint("POST", "/api/v1/stock/receipts", "/api/v1/stock/receipts", "{\"sku\":\"" + sku + "\","
                + "\"location\":\"MAIN\",\"quantity\":1,\"unitCost\":1,\"reference\":\"r\"}", admin));
        e.add(new Endpoint("POST", "/api/v1/stock/transfers", "/api/v1/stock/transfers", "{\"sku\":\"" + sku + "\","
                + "\"fromLocation\":\"MAIN\",\"toLocation\":\"FUZZLOC\",\"quantity\":1}", admin));
        assertThat(Http.post("/api/v1/admin/registers", "{\"code\":\"FUZZREG\",\"name\":\"Fuzz till\",\"location\":\"MAIN\"}",
                admin).status()).isIn(201, 409);
        e.add(new Endpoint("POST", "/api/v1/admin/registers", "/api/v1/admin/registers",
                "{\"code\":\"FZR\",\"name\":\"fz\",\"location\":\"MAIN\",\"offlineHours\":24}", admin));
        e.add(new Endpoint("PUT", "/api/v1/registers/{code}/allotments", "/api/v1/registers/FUZZREG/allotments",
                "{\"lines\":[{\"sku\":\"" + sku + "\",\"target\":1}]}", admin));
        e.add(new Endpoint("POST", "/api/v1/registers/{code}/pairing-codes", "/api/v1/registers/FUZZREG/pairing-codes",
                "{\"x\":1}", admin));
        e.add(new Endpoint("POST", "/api/v1/registers/{code}/sales", "/api/v1/registers/FUZZREG/sales",
                "{\"sales\":[{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"seq\":1,\"soldAt\":\"2026-01-01T10:00:00Z\","
                        + "\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1,\"unitPrice\":10}],\"tender\":{\"type\":\"CASH\"}}]}",
                admin));
        e.add(new Endpoint("POST", "/api/v1/registers/{code}/close", "/api/v1/registers/FUZZNONE/close", "{\"lastSeq\":0}",
                admin));
        e.add(new Endpoint("POST", "/api/v1/registers/pair", "/api/v1/registers/pair", "{\"pairingCode\":\"ABCD-EFGH\"}",
                null));
        return e;
    }

    /** "POST /api/v1/…" for every POST and PUT in the OpenAPI document (YAML: paths at 2 spaces, methods at 4). */
    private static Set<String> operations() throws Exception {
        Answer openapi = Http.get("/openapi", null);
        assertThat(openapi.status()).isEqualTo(200);
        Set<String> operations = new TreeSet<>();
        String path = null;
        Matcher m = Pattern.compile("(?m)^  (/api/\\S+):\\s*$|^    (post|put):\\s*$").matcher(openapi.body());
        while (m.find()) {
            if (m.group(1) != null) {
                path = m.group(1);
            } else if (path != null) {
                operations.add(m.group(2).toUpperCase() + " " + path);
            }
        }
        assertThat(operations).hasSizeGreaterThan(20);
        return operations;
    }

    private static Answer send(Endpoint e, String body) throws Exception {
        return "PUT".equals(e.method()) ? Http.put(e.path(), body, e.authorization())
                : Http.post(e.path(), body, e.authorization(), UUID.randomUUID().toString());
    }

    /** Paths of the fields to replace: every top-level field, and the fields of the first element of a list or object. */
    private static List<String[]> fields(JsonObject body) {
        List<String[]> fields = new ArrayList<>();
        for (Map.Entry<String, JsonValue> f : body.entrySet()) {
            fields.add(new String[] {f.getKey()});
            JsonValue v = f.getValue();
            JsonObject inner = v instanceof JsonArray a && !a.isEmpty() && a.get(0) instanceof JsonObject o ? o
                    : v instanceof JsonObject o ? o : null;
            if (inner != null) {
                inner.keySet().forEach(k -> fields.add(new String[] {f.getKey(), k}));
            }
        }
        return fields;
    }

    /** The body with the field at {@code path} set to the raw JSON {@code value}. */
    private static String replace(JsonObject body, String[] path, String value) {
        Map<String, String> out = new LinkedHashMap<>();
        body.forEach((k, v) -> out.put(k, v.toString()));
        if (path.length == 1) {
            out.put(path[0], value);
        } else {
            JsonValue container = body.get(path[0]);
            boolean list = container instanceof JsonArray;
            JsonObject inner = list ? ((JsonArray) container).getJsonObject(0) : (JsonObject) container;
            Map<String, String> fields = new LinkedHashMap<>();
            inner.forEach((k, v) -> fields.put(k, v.toString()));
            fields.put(path[1], value);
            String object = object(fields);
            out.put(path[0], list ? "[" + object + "]" : object);
        }
        return object(out);
    }

    private static String object(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }

    private static JsonObject parse(String json) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + " chars)" : text;
    }

    private static String user(String role) throws Exception {
        String name = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Http.post("/api/v1/admin/users", "{\"username\":\"" + name + "\",\"password\":\"fuzz-password-123\","
                + "\"roles\":[\"" + role + "\"]}", Http.admin()).status()).isEqualTo(201);
        return Http.basic(name, "fuzz-password-123");
    }
}
