package io.quartermaster.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quartermaster.web.it.Http.Answer;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a careless integrator or an attacker sends, over HTTP: every mistake a 400 naming the
 * field, in our words, with nothing written — never a number changed into another, never a 500.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputIT {

    private String sku;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.quartermaster();
    }

    @BeforeEach
    void product() throws Exception {
        sku = "HOSTILE-" + UUID.randomUUID().toString().substring(0, 8);
        Answer created = Http.put("/api/v1/products/" + sku, "{\"name\":\"Mug\",\"price\":10,\"taxRate\":0.2}", Http.admin());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(receipt("10").status()).isEqualTo(201);
    }

    @AfterEach
    void invariantsHold() throws Exception {
        Answer check = Http.get("/api/v1/admin/stock-checks", Http.admin());
        assertThat(check.json().getJsonArray("violations")).as(check.body()).isEmpty();
    }

    private static java.util.Set<String> violationsBefore;

    @org.junit.jupiter.api.BeforeAll
    static void violationsBefore() throws Exception {
        violationsBefore = Invariants.violations();
    }

    /** After every refusal of the class, the system is as whole as before: the checker of ./quartermaster check finds nothing new. */
    @org.junit.jupiter.api.AfterAll
    static void theCheckerFindsNothingNew() throws Exception {
        Invariants.noneBeyond(violationsBefore);
    }

    @Test
    void anIntegerFieldTakesOnlyAnExactJsonIntegerWithinItsRange() throws Exception {
        for (String quantity : List.of("1.5", "4294967297", "2147483648", "-2147483649", "1e2", "[1]", "\"3\"", "true",
                "{\"value\":1}", "1.0")) {
            Answer refused = receipt(quantity);
            assertRefused(refused, "quantity");
        }
        String web = Http.bearer(Shop.channelKey("hostile-" + sku, "WEB"));
        Answer order = Http.post("/api/v1/orders", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1.5}],"
                + "\"payment\":{\"token\":\"tok_visa\"}}", web, UUID.randomUUID().toString());
        assertRefused(order, "lines[0].quantity");
        assertThat(onHand()).as("nothing was booked").isEqualTo(10);
        assertThat(movements()).as("only the first receipt").isEqualTo(1);
    }

    @Test
    void aBodyIsExactlyOneJsonValue() throws Exception {
        String good = "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantity\":1,\"unitCost\":1}";
        for (String body : List.of(good + "}}{\"quantity\":-5}", good + " " + good, good + "x", "{\"sku\":", "")) {
            Answer refused = Http.post("/api/v1/stock/receipts", body, Http.admin());
            assertThat(refused.status()).as(body + " → " + refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertOurWords(refused);
        }
        Answer deep = Http.post("/api/v1/stock/receipts", "[".repeat(5000) + "]".repeat(5000), Http.admin());
        assertThat(deep.status()).as(deep.toString()).isEqualTo(400);
        assertOurWords(deep);
        assertThat(onHand()).isEqualTo(10);
    }

    @Test
    void textFieldsAndQueryParametersWithNulCharactersAreRefusedNamingThem() throws Exception {
        Answer adjustment = Http.post("/api/v1/stock/adjustments", "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\","
                + "\"quantityDelta\":-1,\"reason\":\"broken\\u0000\"}", Http.admin());
        assertRefused(adjustment, "reason");
        Answer location = Http.post("/api/v1/stock/receipts", "{\"sku\":\"" + sku + "\",\"location\":\"MA\\u0000IN\","
                + "\"quantity\":1,\"unitCost\":1}", Http.admin());
        assertRefused(location, "location");
        Answer name = Http.put("/api/v1/products/" + sku, "{\"name\":\"M\\u0000ug\",\"price\":10}", Http.admin());
        assertRefused(name, "name");
        Answer client = Http.post("/api/v1/admin/api-clients", "{\"name\":\"shop\\u0000\",\"role\":\"CHANNEL\",\"channel\":\"WEB\"}",
                Http.admin());
        assertRefused(client, "name");
        Answer query = Http.get("/api/v1/orders?channel=WEB%00", Http.admin());
        assertRefused(query, "channel");
        Answer path = Http.get("/api/v1/stock/" + sku + "%00", Http.admin());
        assertThat(path.status()).as(path.toString()).isEqualTo(400);
        assertThat(onHand()).isEqualTo(10);
        assertThat(Http.get("/api/v1/products/" + sku, Http.admin()).json().getString("name")).isEqualTo("Mug");
    }

    @Test
    void datesOutsideYears1900To9999AreRefusedInReportsAndEntries() throws Exception {
        for (String query : List.of("/api/v1/ledger/trial-balance?asOf=1899-12-31", "/api/v1/ledger/trial-balance?asOf=+10000-01-01",
                "/api/v1/ledger/journal?from=0001-01-01", "/api/v1/ledger/income-statement?to=99999-12-31")) {
            Answer refused = Http.get(query, Http.admin());
            assertThat(refused.status()).as(query + " → " + refused).isEqualTo(400);
            assertOurWords(refused);
        }
        String name = "accountant-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Http.post("/api/v1/admin/users", "{\"username\":\"" + name + "\",\"password\":\"hostile-accountant-pw\","
                + "\"roles\":[\"ACCOUNTANT\"]}", Http.admin()).status()).isEqualTo(201);
        Answer entry = Http.post("/api/v1/ledger/journal", "{\"date\":\"0001-01-01\",\"description\":\"old\",\"lines\":["
                + "{\"account\":\"1200\",\"debit\":1},{\"account\":\"2000\",\"credit\":1}]}",
                Http.basic(name, "hostile-accountant-pw"));
        assertRefused(entry, "date");
    }

    @Test
    void queryParametersOfTheWrongTypeOrTooFarOutAre400NotAServerError() throws Exception {
        assertRefused(Http.get("/api/v1/products?page=abc", Http.admin()), "page");
        assertRefused(Http.get("/api/v1/products?page=2147483647&size=50", Http.admin()), "page");
        assertRefused(Http.get("/api/v1/ledger/journal?page=2147483647&size=1000", Http.admin()), "page");
        assertRefused(Http.get("/api/v1/orders?limit=99999999999", Http.admin()), "limit");
    }

    @Test
    void apiAnswersAreNotSniffedNorStored() throws Exception {
        Answer stock = Http.get("/api/v1/stock/" + sku, Http.admin());
        assertThat(stock.status()).isEqualTo(200);
        assertThat(stock.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(stock.header("Cache-Control")).isEqualTo("no-store");
        Answer refused = receipt("1.5");
        assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void anApiKeyIsShownOnceAndNeitherKeptForReplayNorCached() throws Exception {
        String idempotencyKey = UUID.randomUUID().toString();
        String body = "{\"name\":\"till " + sku + "\",\"role\":\"CHANNEL\",\"channel\":\"POS\"}";
        Answer created = Http.post("/api/v1/admin/api-clients", body, Http.admin(), idempotencyKey);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String key = created.json().getString("key");
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");

        Answer repeated = Http.post("/api/v1/admin/api-clients", body, Http.admin(), idempotencyKey);
        assertThat(repeated.status()).as(repeated.toString()).isEqualTo(409);
        assertThat(repeated.body()).doesNotContain(key).contains(created.json().getString("id"));
        assertThat(repeated.header("Cache-Control")).isEqualTo("no-store");
        try (java.sql.Connection c = TestServices.connect(); var s = c.prepareStatement(
                "select count(*) from platform.idempotency_key where key = ? and coalesce(response_body, '') like ?")) {
            s.setString(1, idempotencyKey);
            s.setString(2, "%" + key + "%");
            try (var rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("the key is nowhere in the replay store").isZero();
            }
        }
        assertThat(Http.get("/api/v1/admin/api-clients", Http.admin()).array().stream()
                .filter(c -> c.asJsonObject().getString("name").equals("till " + sku))).as("one client, not two").hasSize(1);
    }

    @Test
    void aStorefrontSeesQuantitiesButNotWhatTheStockCost() throws Exception {
        String web = Http.bearer(Shop.channelKey("storefront-" + sku, "WEB"));
        JsonObject level = Http.get("/api/v1/stock/" + sku, web).json().getJsonArray("levels").getJsonObject(0);
        assertThat(level.getInt("available")).isEqualTo(10);
        assertThat(level.containsKey("averageCost")).as(level.toString()).isFalse();
        assertThat(level.containsKey("stockValue")).as(level.toString()).isFalse();
        JsonObject staffView = Http.get("/api/v1/stock/" + sku, Http.admin()).json().getJsonArray("levels").getJsonObject(0);
        assertThat(staffView.getJsonNumber("averageCost").bigDecimalValue()).isEqualByComparingTo("2");
    }

    @Test
    void quantitiesAndAmountsBeyondTheirLimitsAreRefusedBeforeAnyArithmeticOverflows() throws Exception {
        Answer minimum = Http.post("/api/v1/stock/adjustments", "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\","
                + "\"quantityDelta\":-2147483648,\"reason\":\"x\"}", Http.admin());
        assertRefused(minimum, "quantityDelta");
        assertRefused(receipt("1000000001"), "quantity");

        assertThat(receipt("1000000000").status()).isEqualTo(201);
        assertThat(receipt("1000000000").status()).isEqualTo(201);
        Answer past = receipt("1000000000");
        assertThat(past.status()).as(past.toString()).isEqualTo(422);
        assertThat(past.json().getString("detail")).contains("2147483647");
        assertOurWords(past);
        assertThat(onHand()).isEqualTo(2_000_000_010);

        String web = Http.bearer(Shop.channelKey("limits-" + sku, "WEB"));
        Answer sum = Http.post("/api/v1/orders", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1000000000},"
                + "{\"sku\":\"" + sku + "\",\"quantity\":1000000000}],\"payment\":{\"token\":\"tok_visa\"}}", web,
                UUID.randomUUID().toString());
        assertRefused(sum, "lines[1].quantity");

        String dear = "DEAR-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Http.put("/api/v1/products/" + dear, "{\"name\":\"Yacht\",\"price\":9999999999.99}", Http.admin()).status())
                .isEqualTo(201);
        Answer total = Http.post("/api/v1/orders", "{\"lines\":[{\"sku\":\"" + dear + "\",\"quantity\":1000}],"
                + "\"payment\":{\"token\":\"tok_visa\"}}", web, UUID.randomUUID().toString());
        assertThat(total.status()).as(total.toString()).isEqualTo(422);
        assertThat(total.json().getString("detail")).contains("999999999999.99");
        assertOurWords(total);

        Answer cost = Http.put("/api/v1/erp/replenishment/" + sku + "/MAIN", "{\"reorderPoint\":1,\"maxLevel\":5,"
                + "\"vendor\":\"ACME\",\"unitCost\":1e20}", Http.admin());
        assertRefused(cost, "unitCost");
        assertThat(onHand()).isEqualTo(2_000_000_010);
    }

    @Test
    void aNumberTooLongForTheJsonParserIsA400NamingItsFieldNotA500() throws Exception {
        String huge = "1" + "0".repeat(2000);
        assertRefused(receipt(huge), "quantity");
        Answer cost = Http.post("/api/v1/stock/receipts", "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantity\":1,"
                + "\"unitCost\":0." + "0".repeat(1999) + "1}", Http.admin());
        assertRefused(cost, "unitCost");
        assertThat(cost.json().getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("must be a number of at most 100 characters; this one has 2002");
        String web = Http.bearer(Shop.channelKey("long-numbers-" + sku, "WEB"));
        assertRefused(Http.post("/api/v1/orders", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1},{\"sku\":\"" + sku
                + "\",\"quantity\":-" + huge + "}],\"payment\":{\"token\":\"tok_visa\"}}", web, UUID.randomUUID().toString()),
                "lines[1].quantity");
        // A huge exponent is short text: it reaches the field's own range rule.
        assertRefused(receipt("1e1000000"), "quantity");
        assertRefused(Http.post("/api/v1/stock/receipts", "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantity\":1,"
                + "\"unitCost\":1e-1000000}", Http.admin()), "unitCost");
        assertThat(onHand()).as("nothing booked").isEqualTo(10);
    }

    @Test
    void aPurchaseOrderLineForALocationThatDoesNotExistIsRefused() throws Exception {
        assertThat(Http.put("/api/v1/erp/vendors/HV", "{\"name\":\"Hostile vendor\",\"leadTimeDays\":2}", Http.admin()).status())
                .isIn(200, 201);
        int before = Http.get("/api/v1/erp/purchase-orders", Http.admin()).array().size();
        Answer refused = Http.post("/api/v1/erp/purchase-orders", "{\"vendor\":\"HV\",\"lines\":[{\"sku\":\"" + sku
                + "\",\"location\":\"MAIN\",\"quantity\":1,\"unitCost\":1},{\"sku\":\"" + sku + "\",\"location\":\"NOWHERE\","
                + "\"quantity\":1,\"unitCost\":1}]}", Http.admin());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
        assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("lines[1].location");
        assertThat(Http.get("/api/v1/erp/purchase-orders", Http.admin()).array()).as("no purchase order written").hasSize(before);
    }

    @Test
    void aFullDiskIsAnOutageA503WithRetryAfterAndNothingHalfWritten() throws Exception {
        // PostgreSQL's answer when its disk is full ("could not extend file …: No space left on
        // device", SQLSTATE 53100), provoked for one receipt by a trigger.
        sql("create or replace function public.it_disk_full() returns trigger language plpgsql as $$ begin "
                + "if new.reference = 'DISK-FULL' then raise exception 'could not extend file \"base/1/2\": No space left on device' "
                + "using errcode = '53100'; end if; return new; end $$");
        sql("create trigger it_disk_full before insert on inventory.stock_movement for each row execute function public.it_disk_full()");
        try {
            Answer full = Http.post("/api/v1/stock/receipts", "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantity\":5,"
                    + "\"unitCost\":2,\"reference\":\"DISK-FULL\"}", Http.admin());
            assertThat(full.status()).as(full.toString()).isEqualTo(503);
            assertThat(full.header("Retry-After")).isNotNull();
            assertOurWords(full);
            assertThat(onHand()).as("nothing half-written").isEqualTo(10);
            Answer ready = Http.get("/health/ready", null);
            assertThat(ready.status()).as("readiness is DOWN while the database refuses work").isEqualTo(503);
            assertThat(ready.body()).contains("No space left on device");
        } finally {
            sql("drop trigger if exists it_disk_full on inventory.stock_movement");
        }
        assertThat(receipt("5").status()).as("space is back: work goes on").isEqualTo(201);
        assertThat(onHand()).isEqualTo(15);
        Poll.until(() -> Http.get("/health/ready", null).status(), status -> status == 200, java.time.Duration.ofSeconds(20),
                "readiness UP again");
    }

    private static void sql(String statement) throws Exception {
        try (java.sql.Connection c = TestServices.connect(); var s = c.createStatement()) {
            s.execute(statement);
        }
    }

    // ------------------------------------------------------------------ helpers

    private Answer receipt(String quantity) throws Exception {
        return Http.post("/api/v1/stock/receipts",
                "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantity\":" + quantity + ",\"unitCost\":2}", Http.admin());
    }

    private int onHand() throws Exception {
        return Http.get("/api/v1/stock/" + sku, Http.admin()).json().getInt("onHand");
    }

    private int movements() throws Exception {
        return Http.get("/api/v1/stock/" + sku + "/movements?page=0&size=50", Http.admin()).json().getInt("total");
    }

    private static void assertRefused(Answer answer, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonObject problem = answer.json();
        assertThat(problem.getJsonArray("errors")).as(answer.body()).isNotNull();
        assertThat(problem.getJsonArray("errors").getValuesAs(JsonObject.class))
                .as(answer.body()).anySatisfy(e -> assertThat(e.getString("field")).isEqualTo(field));
        assertOurWords(answer);
    }

    /** No library's words in an answer: no Java package or class, no parser internals. */
    static void assertOurWords(Answer answer) {
        assertThat(answer.body()).doesNotContain("org.", "java.", "jakarta.", "Exception", "yasson", "parsson", "Jersey",
                "eclipse", "CURLY", "SQUARE", "EOF", "JsonValue", "Integer");
    }
}
