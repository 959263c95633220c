package io.quartermaster.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quartermaster.web.it.Http.Answer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checkout and orders over HTTP from three channels, against the real PostgreSQL and Artemis:
 * the races, idempotency keys, payment outcomes, ownership, events, and bad input.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrdersIT {

    private String web;
    private String mobile;
    private String pos;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.quartermaster();
    }

    @BeforeEach
    void channelClients() throws Exception {
        web = key("WEB");
        mobile = key("MOBILE");
        pos = key("POS");
    }

    @AfterEach
    void invariantsHold() throws Exception {
        Answer check = Http.get("/api/v1/admin/stock-checks", Http.admin());
        assertThat(check.json().getJsonArray("violations")).as(check.body()).isEmpty();
    }

    @Test
    void theClassicRaceAPosAndAWebsiteBuyTheLastUnitOneHundredTimes() throws Exception {
        String sku = product("19.99", "0.20");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 100; round++) {
                receive(sku, 1);
                CountDownLatch start = new CountDownLatch(1);
                Future<Answer> register = pool.submit(() -> {
                    start.await();
                    return order(pos, sku, 1, "tok_visa");
                });
                Future<Answer> website = pool.submit(() -> {
                    start.await();
                    return order(web, sku, 1, "tok_visa");
                });
                start.countDown();
                List<Integer> statuses = List.of(register.get().status(), website.get().status());
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(201, 409);
                Answer refused = register.get().status() == 409 ? register.get() : website.get();
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.json().getJsonArray("shortages").getJsonObject(0).getInt("available")).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        JsonObject stock = Http.get("/api/v1/stock/" + sku, Http.admin()).json();
        assertThat(stock.getInt("onHand")).isZero();
        assertThat(stock.getInt("reserved")).isZero();
        assertThat(countSql("select count(*) from inventory.stock_movement where sku = ? and kind = 'SALE'", sku)).isEqualTo(100);
    }

    @Test
    void twoHundredOneShotOrdersFromThreeChannelsForTenUnitsMakeExactlyTenOrders() throws Exception {
        String sku = product("10.00", "0.20");
        receive(sku, 10);
        List<String> keys = List.of(web, mobile, pos);
        long started = System.nanoTime();
        List<Answer> answers = race(200, i -> () -> order(keys.get(i % 3), sku, 1, "tok_visa"));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("200 one-shot orders (10 accepted) in %.2f s: %.0f requests/s%n", seconds, 200 / seconds);

        List<Answer> placed = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(placed).hasSize(10);
        assertThat(answers.stream().filter(a -> a.status() == 409)).hasSize(190);
        for (Answer a : placed) {
            JsonObject order = a.json();
            assertThat(order.getString("status")).isEqualTo("PLACED");
            assertThat(order.getJsonNumber("subtotal").bigDecimalValue()).isEqualByComparingTo("10.00");
            assertThat(order.getJsonNumber("tax").bigDecimalValue()).isEqualByComparingTo("2.00");
            assertThat(order.getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo("12.00");
        }
        JsonObject stock = Http.get("/api/v1/stock/" + sku, Http.admin()).json();
        assertThat(stock.getInt("onHand")).isZero();
        assertThat(stock.getInt("reserved")).isZero();
    }

    @Test
    void fiftyParallelRequestsWithOneIdempotencyKeyMakeOneOrder() throws Exception {
        String sku = product("5.00", "0.10");
        receive(sku, 100);
        String key = "idem-" + UUID.randomUUID();
        String ref = "cust-" + UUID.randomUUID();
        String body = "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2}],\"payment\":{\"token\":\"tok_visa\"},"
                + "\"customerRef\":\"" + ref + "\"}";

        List<Answer> answers = race(50, i -> () -> Http.post("/api/v1/orders", body, Http.bearer(pos), key));

        List<Answer> created = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(created).isNotEmpty();
        assertThat(created.stream().map(Answer::body).distinct()).as("the same answer to all that completed").hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() != 201 && a.status() != 409)).isEmpty();
        assertThat(countSql("select count(*) from orders.customer_order where customer_ref = ?", ref)).isEqualTo(1);

        Answer replay = Http.post("/api/v1/orders", body, Http.bearer(pos), key);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(created.get(0).body());
        Answer different = Http.post("/api/v1/orders", body.replace("\"quantity\":2", "\"quantity\":3"), Http.bearer(pos), key);
        assertThat(different.status()).isEqualTo(422);
        assertThat(countSql("select count(*) from orders.customer_order where customer_ref = ?", ref)).isEqualTo(1);
        // Keys are per client: another client's identical key is its own.
        assertThat(Http.post("/api/v1/orders", body, Http.bearer(web), key).status()).isEqualTo(201);
    }

    @Test
    void aRetryAfterTheKeyWasReleasedFindsTheOrderOfTheFirstTryInsteadOfSellingAgain() throws Exception {
        String sku = product("4.00", "0.20");
        receive(sku, 10);
        String key = "lost-answer-" + UUID.randomUUID();
        String ref = "cust-" + UUID.randomUUID();
        String body = "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":3}],\"payment\":{\"token\":\"tok_visa\"},"
                + "\"customerRef\":\"" + ref + "\"}";
        Answer first = Http.post("/api/v1/orders", body, Http.bearer(pos), key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);

        // As if the answer was lost and the key's claim was never completed (instance killed, database gone at
        // commit): the stored answer disappears and the lease has run out, so the retry runs the request again.
        try (Connection c = TestServices.connect();
             PreparedStatement s = c.prepareStatement("delete from platform.idempotency_key where key = ?")) {
            s.setString(1, key);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        Answer retry = Http.post("/api/v1/orders", body, Http.bearer(pos), key);

        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.json().getString("id")).isEqualTo(first.json().getString("id"));
        assertThat(countSql("select count(*) from orders.customer_order where customer_ref = ?", ref)).isEqualTo(1);
        assertThat(Http.get("/api/v1/stock/" + sku, Http.admin()).json().getInt("onHand")).as("sold once").isEqualTo(7);
    }

    @Test
    void theInvariantCheckerListsEveryRuleAndNamesTheRowsOfABrokenOne() throws Exception {
        String sku = product("3.00", "0.20");
        receive(sku, 5);
        assertThat(order(pos, sku, 2, "tok_visa").status()).isEqualTo(201);
        assertThat(Http.get("/api/v1/admin/invariants", Http.basic("nobody", "x")).status()).isEqualTo(401);
        assertThat(Http.get("/api/v1/admin/invariants?inFlightSeconds=-1", Http.admin()).status()).isEqualTo(400);

        Answer clean = Http.get("/api/v1/admin/invariants", Http.admin());
        assertThat(clean.status()).as(clean.toString()).isEqualTo(200);
        List<JsonObject> checks = clean.json().getJsonArray("checks").getValuesAs(JsonObject.class);
        assertThat(checks.stream().map(c -> c.getString("module")).distinct())
                .containsExactlyInAnyOrder("inventory", "orders", "erp", "platform");
        assertThat(checks).hasSizeGreaterThanOrEqualTo(14).allMatch(c -> c.getJsonNumber("checked").longValue() >= 0);
        assertThat(violationsFor(clean, sku)).isEmpty();

        // A movement that never touched the stock level: on hand no longer equals the sum of movements.
        insertMovement(sku, 1);
        try {
            Answer broken = Http.get("/api/v1/admin/invariants", Http.admin());
            assertThat(broken.json().getBoolean("ok")).isFalse();
            assertThat(violationsFor(broken, sku)).singleElement().satisfies(v -> {
                assertThat(v.getString("rule")).isEqualTo("on_hand = sum of movements");
                assertThat(v.getString("detail")).contains("on hand 3").contains("movements sum to 4");
            });
        } finally {
            insertMovement(sku, -1);  // the movement ledger is append-only: compensate
        }
        assertThat(violationsFor(Http.get("/api/v1/admin/invariants", Http.admin()), sku)).isEmpty();
    }

    /** The violations whose rows name {@code sku}, each with its rule added. */
    private static List<JsonObject> violationsFor(Answer report, String sku) {
        List<JsonObject> found = new ArrayList<>();
        for (JsonObject check : report.json().getJsonArray("checks").getValuesAs(JsonObject.class)) {
            for (JsonObject v : check.getJsonArray("violations").getValuesAs(JsonObject.class)) {
                if (v.getJsonObject("rows").toString().contains(sku)) {
                    found.add(jakarta.json.Json.createObjectBuilder(v).add("rule", check.getString("rule")).build());
                }
            }
        }
        return found;
    }

    private static void insertMovement(String sku, int quantity) throws Exception {
        try (Connection c = TestServices.connect();
             PreparedStatement s = c.prepareStatement("insert into inventory.stock_movement (location_id, sku, kind, "
                     + "quantity, value, actor, stock_version) select id, ?, 'ADJUSTMENT', ?, 0, 'invariant test', 0 "
                     + "from inventory.location where code = 'MAIN'")) {
            s.setString(1, sku);
            s.setInt(2, quantity);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aDeclinedPaymentReleasesTheStockAndAnExpiredHoldRefundsTheCapture() throws Exception {
        String sku = product("30.00", "0.20");
        receive(sku, 2);
        Answer declined = order(web, sku, 2, "tok_decline_insufficient_funds");
        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.contentType()).startsWith("application/problem+json");
        assertThat(Http.get("/api/v1/stock/" + sku, Http.admin()).json().getInt("available")).isEqualTo(2);

        // A channel whose holds last one second, and a payment that takes two and a half.
        String flash = "FLASH" + UUID.randomUUID().toString().substring(0, 4).toUpperCase().replace("-", "");
        assertThat(Http.put("/api/v1/channels/" + flash, "{\"name\":\"Flash sale\",\"holdTtlSeconds\":1,\"locations\":[\"MAIN\"]}",
                Http.admin()).status()).isEqualTo(200);
        String flashKey = key(flash);
        Answer checkout = Http.post("/api/v1/checkouts", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2}]}",
                Http.bearer(flashKey));
        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
        String id = checkout.json().getString("id");
        Answer late = Http.post("/api/v1/checkouts/" + id + "/confirm", "{\"payment\":{\"token\":\"tok_delay_2500\"}}",
                Http.bearer(flashKey));
        assertThat(late.status()).as(late.toString()).isEqualTo(410);
        assertThat(countSql("select count(*) from orders.payment where checkout_id = ?::uuid and kind = 'REFUND'", id))
                .as("the capture was refunded").isEqualTo(1);
        assertThat(countSql("select count(*) from orders.customer_order where checkout_id = ?::uuid", id)).isZero();
        assertThat(Http.get("/api/v1/checkouts/" + id, Http.bearer(flashKey)).json().getString("status")).isEqualTo("EXPIRED");
        Poll.until(() -> Http.get("/api/v1/stock/" + sku, Http.admin()).json().getInt("available"), a -> a == 2,
                Duration.ofSeconds(10), "the expired hold's stock back");
        // No OrderPlaced for the declined or the expired checkout: one per order that exists, no more.
        assertThat(countSql("select count(*) from platform.outbox where type = ?", "OrderPlaced"))
                .isEqualTo(countSql("select count(*) from orders.customer_order where status <> ?", "NO_SUCH_STATUS"));
    }

    @Test
    void checkoutThenConfirmOrReleaseAndTheirWrongStates() throws Exception {
        String sku = product("7.50", "0.20");
        receive(sku, 10);
        // The same SKU twice is merged into one line.
        Answer checkout = Http.post("/api/v1/checkouts", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1},"
                + "{\"sku\":\"" + sku + "\",\"quantity\":2}],\"customerRef\":\"c-1\"}", Http.bearer(web));
        assertThat(checkout.status()).isEqualTo(201);
        JsonObject held = checkout.json();
        assertThat(held.getString("status")).isEqualTo("HELD");
        assertThat(held.getString("channel")).isEqualTo("WEB");
        assertThat(held.getJsonArray("lines")).hasSize(1);
        assertThat(held.getJsonArray("lines").getJsonObject(0).getInt("quantity")).isEqualTo(3);
        assertThat(held.getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo("27.00");
        assertThat(held.getString("expiresAt")).isNotBlank();
        String id = held.getString("id");

        assertThat(Http.post("/api/v1/checkouts/" + id + "/confirm", "{\"payment\":{}}", Http.bearer(web)).status()).isEqualTo(400);
        Answer confirmed = Http.post("/api/v1/checkouts/" + id + "/confirm", "{\"payment\":{\"token\":\"tok_visa\"}}", Http.bearer(web));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);
        assertThat(Http.post("/api/v1/checkouts/" + id + "/confirm", "{\"payment\":{\"token\":\"tok_visa\"}}", Http.bearer(web))
                .status()).isEqualTo(409);
        assertThat(Http.get("/api/v1/checkouts/" + id, Http.bearer(web)).json().getString("status")).isEqualTo("CONFIRMED");

        String released = Http.post("/api/v1/checkouts", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":4}]}",
                Http.bearer(web)).json().getString("id");
        assertThat(Http.get("/api/v1/stock/" + sku, Http.admin()).json().getInt("available")).isEqualTo(3);
        assertThat(Http.delete("/api/v1/checkouts/" + released, Http.bearer(web)).status()).isEqualTo(204);
        assertThat(Http.get("/api/v1/stock/" + sku, Http.admin()).json().getInt("available")).isEqualTo(7);
        assertThat(Http.post("/api/v1/checkouts/" + released + "/confirm", "{\"payment\":{\"token\":\"tok_visa\"}}",
                Http.bearer(web)).status()).isEqualTo(409);
        assertThat(Http.delete("/api/v1/checkouts/" + released, Http.bearer(web)).status()).isEqualTo(409);
    }

    @Test
    void cancelAndReturnsPutStockBackAndEventsArriveExactlyOnce() throws Exception {
        String sku = product("12.00", "0.20");
        receive(sku, 10);
        String cancelled = order(mobile, sku, 3, "tok_visa").json().getString("id");
        String returned = order(mobile, sku, 4, "tok_visa").json().getString("id");
        assertThat(Http.get("/api/v1/stock/" + sku, Http.admin()).json().getInt("onHand")).isEqualTo(3);

        Answer cancel = Http.post("/api/v1/orders/" + cancelled + "/cancel", null, Http.bearer(mobile));
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().getString("status")).isEqualTo("CANCELLED");
        assertThat(Http.post("/api/v1/orders/" + cancelled + "/cancel", null, Http.bearer(mobile)).status()).isEqualTo(409);

        Answer partial = Http.post("/api/v1/orders/" + returned + "/returns",
                "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}", Http.bearer(mobile));
        assertThat(partial.status()).isEqualTo(201);
        assertThat(partial.json().getString("status")).isEqualTo("PARTIALLY_RETURNED");
        assertThat(Http.post("/api/v1/orders/" + returned + "/returns",
                "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":4}]}", Http.bearer(mobile)).status()).isEqualTo(409);
        assertThat(Http.get("/api/v1/stock/" + sku, Http.admin()).json().getInt("onHand")).isEqualTo(7);

        // Staff may cancel anyone's order; what was not yet returned comes back.
        Answer staffCancel = Http.post("/api/v1/orders/" + returned + "/cancel", null, Http.admin());
        assertThat(staffCancel.status()).as("only PLACED orders cancel").isEqualTo(409);
        assertThat(Http.post("/api/v1/orders/" + returned + "/returns",
                "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":3}]}", Http.admin()).json().getString("status"))
                .isEqualTo("RETURNED");
        assertThat(Http.get("/api/v1/stock/" + sku, Http.admin()).json().getInt("onHand")).isEqualTo(10);

        Map<String, Long> expected = Map.of("OrderPlaced:" + cancelled, 1L, "OrderCancelled:" + cancelled, 1L,
                "OrderPlaced:" + returned, 1L, "OrderReturned:" + returned, 2L);
        Poll.until(() -> orderEvents(cancelled, returned), expected::equals, Duration.ofSeconds(30), "the order events");
        Thread.sleep(1000);
        assertThat(orderEvents(cancelled, returned)).isEqualTo(expected);
        // Refunds add up to what was paid: 12 × 4 × 1.2 = 57.60 over two returns.
        assertThat(countSql("select (sum(amount) * 100)::bigint from orders.payment p join orders.customer_order o "
                + "on o.checkout_id = p.checkout_id where o.id = ?::uuid and p.kind = 'REFUND'", returned)).isEqualTo(5760);
    }

    @Test
    void aClientSeesOnlyItsOwnCheckoutsAndOrders() throws Exception {
        String sku = product("3.00", "0");
        receive(sku, 5);
        String order = order(web, sku, 1, "tok_visa").json().getString("id");
        String checkout = Http.post("/api/v1/checkouts", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}",
                Http.bearer(web)).json().getString("id");
        String otherWeb = key("WEB");

        assertThat(Http.get("/api/v1/orders/" + order, Http.bearer(otherWeb)).status()).isEqualTo(404);
        assertThat(Http.get("/api/v1/orders/" + order, Http.bearer(mobile)).status()).isEqualTo(404);
        assertThat(Http.post("/api/v1/orders/" + order + "/cancel", null, Http.bearer(otherWeb)).status()).isEqualTo(404);
        assertThat(Http.get("/api/v1/checkouts/" + checkout, Http.bearer(otherWeb)).status()).isEqualTo(404);
        assertThat(Http.post("/api/v1/checkouts/" + checkout + "/confirm", "{\"payment\":{\"token\":\"tok_visa\"}}",
                Http.bearer(otherWeb)).status()).isEqualTo(404);
        assertThat(Http.get("/api/v1/orders/" + order, Http.bearer(web)).status()).isEqualTo(200);
        assertThat(Http.get("/api/v1/orders/" + order, Http.admin()).status()).isEqualTo(200);
        assertThat(Http.get("/api/v1/orders", Http.bearer(otherWeb)).array()).isEmpty();

        assertThat(Http.get("/api/v1/channels", Http.bearer(web)).status()).isEqualTo(403);
        assertThat(Http.post("/api/v1/stock/receipts", "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantity\":1,"
                + "\"unitCost\":1}", Http.bearer(web)).status()).isEqualTo(403);
        assertThat(Http.post("/api/v1/orders", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],"
                + "\"payment\":{\"token\":\"tok_visa\"}}", Http.admin()).status()).as("users do not sell").isEqualTo(403);
    }

    @Test
    void badOrdersAreRefusedWithClearProblemsAndLeaveNothingBehind() throws Exception {
        String sku = product("4.00", "0.20");
        receive(sku, 5);
        long before = countSql("select count(*) from inventory.hold h join inventory.hold_line l on l.hold_id = h.id "
                + "where l.sku = ?", sku);
        assertField(Http.post("/api/v1/checkouts", "{\"lines\":[]}", Http.bearer(web)), 400, "lines");
        assertField(Http.post("/api/v1/checkouts", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":0}]}", Http.bearer(web)),
                400, "lines[0].quantity");
        assertField(Http.post("/api/v1/orders", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}", Http.bearer(pos)),
                400, "payment");
        assertField(Http.post("/api/v1/orders", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"payment\":{\"token\":\"\"}}",
                Http.bearer(pos)), 400, "payment.token");
        Answer unknown = Http.post("/api/v1/checkouts", "{\"lines\":[{\"sku\":\"NOPE-" + UUID.randomUUID() + "\",\"quantity\":1}]}",
                Http.bearer(web));
        assertThat(unknown.status()).isEqualTo(404);
        Answer tooMany = Http.post("/api/v1/checkouts", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":6}]}", Http.bearer(web));
        assertThat(tooMany.status()).isEqualTo(409);
        JsonObject shortage = tooMany.json().getJsonArray("shortages").getJsonObject(0);
        assertThat(shortage.getString("sku")).isEqualTo(sku);
        assertThat(shortage.getInt("requested")).isEqualTo(6);
        assertThat(shortage.getInt("available")).isEqualTo(5);
        assertThat(Http.post("/api/v1/checkouts/" + UUID.randomUUID() + "/confirm", "{\"payment\":{\"token\":\"t\"}}",
                Http.bearer(web)).status()).isEqualTo(404);
        assertThat(countSql("select count(*) from inventory.hold h join inventory.hold_line l on l.hold_id = h.id "
                + "where l.sku = ?", sku)).as("no hold left behind").isEqualTo(before);
        assertThat(Http.get("/api/v1/stock/" + sku, Http.admin()).json().getInt("available")).isEqualTo(5);
    }

    // ------------------------------------------------------------------ helpers

    private static String key(String channel) throws Exception {
        return Shop.channelKey(channel.toLowerCase() + " client", channel);
    }

    private static String product(String price, String taxRate) throws Exception {
        return Shop.product("ORD-", "Item", price, taxRate);
    }

    private static void receive(String sku, int quantity) throws Exception {
        Shop.receive(sku, quantity, "2.00");
    }

    private static List<Answer> race(int n, java.util.function.IntFunction<Callable<Answer>> request) throws Exception {
        return Shop.race(n, 32, request);
    }

    private static Answer order(String key, String sku, int quantity, String token) throws Exception {
        return Http.post("/api/v1/orders", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}],"
                + "\"payment\":{\"token\":\"" + token + "\"}}", Http.bearer(key));
    }

    private static void assertField(Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .as(answer.body()).anyMatch(e -> e.getString("field").equals(field));
    }

    private static Map<String, Long> orderEvents(String... orderIds) throws Exception {
        try (Connection c = TestServices.connect();
             PreparedStatement s = c.prepareStatement("select note from it_probe.effect where note like any(?)")) {
            String[] patterns = java.util.Arrays.stream(orderIds).map(id -> "%:" + id).toArray(String[]::new);
            s.setArray(1, c.createArrayOf("text", patterns));
            List<String> notes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    notes.add(rs.getString(1));
                }
            }
            return notes.stream().collect(Collectors.groupingBy(n -> n, Collectors.counting()));
        }
    }

    private static long countSql(String sql, String parameter) throws Exception {
        try (Connection c = TestServices.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
