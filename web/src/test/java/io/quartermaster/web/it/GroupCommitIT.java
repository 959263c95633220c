package io.quartermaster.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quartermaster.web.it.Http.Answer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Group commit (DESIGN.md §2): requests that arrive together share one stock batch — one lock
 * of the rows, one commit — and each is still decided on its own: no oversell, a refusal
 * refuses one request only, one Idempotency-Key has one effect, opposite carts never
 * deadlock. Black-box over HTTP against the real PostgreSQL and Artemis; every test checks
 * that its burst really was batched (some batch carried more than one request).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GroupCommitIT {

    private String web;
    private String mobile;
    private String pos;
    private long sharedBefore;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.quartermaster();
    }

    @BeforeEach
    void channelClients() throws Exception {
        web = key("WEB");
        mobile = key("MOBILE");
        pos = key("POS");
        sharedBefore = sharedRequests();
    }

    @AfterEach
    void invariantsHold() throws Exception {
        Answer check = Http.get("/api/v1/admin/stock-checks", Http.admin());
        assertThat(check.json().getJsonArray("violations")).as(check.body()).isEmpty();
    }

    @Test
    void oneHundredFiftyBuyersForTheLastUnitMakeExactlyOneOrder() throws Exception {
        String sku = product("25.00");
        receive(sku, 1);
        List<String> keys = List.of(web, mobile, pos);
        List<Answer> answers = race(150, i -> () -> order(keys.get(i % 3), List.of(sku), 1, "tok_visa", null, null));

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        List<Answer> refused = answers.stream().filter(a -> a.status() == 409).toList();
        assertThat(refused).hasSize(149);
        for (Answer a : refused) {
            assertThat(a.contentType()).startsWith("application/problem+json");
            JsonObject shortage = a.json().getJsonArray("shortages").getJsonObject(0);
            assertThat(shortage.getString("sku")).isEqualTo(sku);
            assertThat(shortage.getInt("requested")).isEqualTo(1);
            assertThat(shortage.getInt("available")).isZero();
        }
        JsonObject stock = Http.get("/api/v1/stock/" + sku, Http.admin()).json();
        assertThat(stock.getInt("onHand")).isZero();
        assertThat(stock.getInt("reserved")).isZero();
        assertThat(count("select count(*) from inventory.stock_movement where sku = ? and kind = 'SALE'", sku)).isEqualTo(1);
        assertBatched();
    }

    @Test
    void anUnknownSkuAnUnfillableCartAndADeclinedPaymentInABatchRefuseOnlyThemselves() throws Exception {
        String sku = product("4.00");
        receive(sku, 100);
        String unknown = "NOPE-" + UUID.randomUUID().toString().substring(0, 8);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Answer> answers = race(33, i -> () -> switch (i) {
            case 10 -> order(web, List.of(sku, unknown), 1, "tok_visa", run + "-unknown", null);
            case 20 -> order(mobile, List.of(sku), 1000, "tok_visa", run + "-unfillable", null);
            case 30 -> order(pos, List.of(sku), 1, "tok_decline_stolen_card", run + "-declined", null);
            default -> order(List.of(web, mobile, pos).get(i % 3), List.of(sku), 1, "tok_visa", run + "-good-" + i, null);
        });

        assertThat(answers.get(10).status()).as(answers.get(10).toString()).isEqualTo(404);
        assertThat(answers.get(10).json().getJsonArray("skus").getString(0)).isEqualTo(unknown);
        assertThat(answers.get(20).status()).as(answers.get(20).toString()).isEqualTo(409);
        assertThat(answers.get(20).json().getJsonArray("shortages").getJsonObject(0).getInt("requested")).isEqualTo(1000);
        assertThat(answers.get(30).status()).as(answers.get(30).toString()).isEqualTo(402);
        for (int i = 0; i < answers.size(); i++) {
            if (i != 10 && i != 20 && i != 30) {
                assertThat(answers.get(i).status()).as(answers.get(i).toString()).isEqualTo(201);
            }
        }
        // The 30 good orders sold 30 units; the refused requests left nothing behind.
        JsonObject stock = Http.get("/api/v1/stock/" + sku, Http.admin()).json();
        assertThat(stock.getInt("onHand")).isEqualTo(70);
        assertThat(stock.getInt("reserved")).isZero();
        assertThat(count("select count(*) from orders.customer_order where customer_ref like ?", run + "-good-%")).isEqualTo(30);
        for (String refused : List.of("-unknown", "-unfillable")) {
            assertThat(count("select count(*) from orders.checkout where customer_ref = ?", run + refused))
                    .as("checkout of " + refused).isZero();
        }
        assertThat(count("select count(*) from orders.checkout where customer_ref = ? and status = 'RELEASED'", run + "-declined"))
                .isEqualTo(1);
        assertThat(count("select count(*) from orders.customer_order where customer_ref like ?", run + "-%")).isEqualTo(30);
        assertThat(count("select count(*) from inventory.hold h where h.status = 'ACTIVE' and h.reference in "
                + "(select 'checkout:' || id from orders.checkout where customer_ref like ?)", run + "-%")).isZero();
        assertBatched();
    }

    @Test
    void oneIdempotencyKeyTwiceAmongOthersInOneBurstHasOneEffectAndTheRetryFindsItsAnswer() throws Exception {
        String sku = product("9.00");
        receive(sku, 100);
        String key = "dup-" + UUID.randomUUID();
        List<Answer> answers = race(40, i -> () -> order(pos, List.of(sku), 1, "tok_visa", null, i < 2 ? key : null));

        List<Answer> withKey = answers.subList(0, 2);
        assertThat(withKey).extracting(Answer::status).as(withKey.toString()).allMatch(s -> s == 201 || s == 409);
        assertThat(withKey).extracting(Answer::status).contains(201);
        assertThat(answers.subList(2, 40)).extracting(Answer::status).allMatch(s -> s == 201);
        Answer first = withKey.stream().filter(a -> a.status() == 201).findFirst().orElseThrow();
        String orderId = first.json().getString("id");

        // The answer stored in the order's confirm batch is the very answer the first call got.
        Answer retry = order(pos, List.of(sku), 1, "tok_visa", null, key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().getString("id")).isEqualTo(orderId);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(count("select count(*) from platform.idempotency_key where key = ? and status = 'DONE'", key)).isEqualTo(1);
        assertThat(count("select count(*) from inventory.stock_movement where sku = ? and kind = 'SALE'", sku)).isEqualTo(39);
        assertThat(Http.get("/api/v1/stock/" + sku, Http.admin()).json().getInt("onHand")).isEqualTo(61);
        assertBatched();
    }

    @Test
    void cartsNamingTheSameSkusInOppositeOrdersShareBatchesWithoutDeadlock() throws Exception {
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String sku = product("3.00");
            receive(sku, 200);
            skus.add(sku);
        }
        List<String> reversed = new ArrayList<>(skus);
        java.util.Collections.reverse(reversed);
        long deadlocksBefore = deadlocks();
        List<Answer> answers = race(80, i -> () -> order(List.of(web, mobile).get(i % 2), i % 2 == 0 ? skus : reversed,
                1, "tok_visa", null, null));

        assertThat(answers).extracting(Answer::status).as(answers.toString()).allMatch(s -> s == 201);
        for (String sku : skus) {
            assertThat(Http.get("/api/v1/stock/" + sku, Http.admin()).json().getInt("onHand")).isEqualTo(120);
        }
        assertThat(deadlocks()).as("deadlocks PostgreSQL counted").isEqualTo(deadlocksBefore);
        assertBatched();
    }

    @Test
    void twoThousandOrdersAsFastAsTheyComeArePostedOnceAndTheBooksComeToRest() throws Exception {
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String sku = product("6.00");
            receive(sku, 500);
            skus.add(sku);
        }
        String run = "burst-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = List.of(web, mobile, pos);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Answer>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 2000; i++) {
                int n = i;
                futures.add(pool.submit(() -> order(keys.get(n % 3), List.of(skus.get(n % 20)), 1, "tok_visa",
                        run + "-" + n, "burst-" + run + "-" + n)));
            }
            for (Future<Answer> f : futures) {
                Answer a = f.get();
                assertThat(a.status()).as(a.toString()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        Poll.until(() -> Http.get("/api/v1/ledger/reconciliation", Http.admin()).json(),
                r -> r.getBoolean("atRest") && r.getJsonNumber("difference").bigDecimalValue().signum() == 0,
                java.time.Duration.ofSeconds(60), "the books at rest with stock and ledger agreeing");
        String ordersOfRun = "(select id from orders.customer_order where customer_ref like ?)";
        assertThat(count("select count(*) from erp.journal_entry j join platform.outbox x on x.event_id = j.source_event_id "
                + "where x.type = 'OrderPlaced' and (x.body::jsonb #>> '{payload,orderId}')::uuid in " + ordersOfRun, run + "-%"))
                .as("one OrderPlaced entry per order").isEqualTo(2000);
        assertThat(count("select count(*) from platform.outbox x "
                + "where x.type = 'OrderPlaced' and (x.body::jsonb #>> '{payload,orderId}')::uuid in " + ordersOfRun, run + "-%"))
                .as("one OrderPlaced event per order").isEqualTo(2000);
        JsonObject trial = Http.get("/api/v1/ledger/trial-balance", Http.admin()).json();
        assertThat(trial.getJsonNumber("totalDebit").bigDecimalValue())
                .isEqualByComparingTo(trial.getJsonNumber("totalCredit").bigDecimalValue());
        for (String sku : skus) {
            assertThat(Http.get("/api/v1/stock/" + sku, Http.admin()).json().getInt("onHand")).isEqualTo(400);
        }
        assertBatched();
    }

    // ------------------------------------------------------------------ helpers

    /** Some batch of this test carried more than one request: requests − batches grew. */
    private void assertBatched() throws Exception {
        assertThat(sharedRequests()).as("requests that shared a batch").isGreaterThan(sharedBefore);
    }

    private static String key(String channel) throws Exception {
        return Shop.channelKey("batch " + channel.toLowerCase(), channel);
    }

    private static String product(String price) throws Exception {
        return Shop.product("GC-", "Batch item", price, "0.20");
    }

    private static void receive(String sku, int quantity) throws Exception {
        Shop.receive(sku, quantity, "1.50");
    }

    /** All requests released at once from as many threads, so that they reach the server together. */
    private static List<Answer> race(int n, IntFunction<Callable<Answer>> request) throws Exception {
        return Shop.race(n, n, request);
    }

    private static long sharedRequests() throws Exception {
        JsonObject sizes = Http.get("/api/v1/admin/stock-batches", Http.admin()).json();
        return sizes.getJsonNumber("requests").longValue() - sizes.getJsonNumber("batches").longValue();
    }

    private static Answer order(String client, List<String> skus, int quantity, String token, String customerRef,
                                String idempotencyKey) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (String sku : skus) {
            lines.append(lines.isEmpty() ? "" : ",").append("{\"sku\":\"").append(sku).append("\",\"quantity\":")
                    .append(quantity).append('}');
        }
        String body = "{\"lines\":[" + lines + "],\"payment\":{\"token\":\"" + token + "\"}"
                + (customerRef == null ? "" : ",\"customerRef\":\"" + customerRef + "\"") + "}";
        return idempotencyKey == null ? Http.post("/api/v1/orders", body, Http.bearer(client))
                : Http.post("/api/v1/orders", body, Http.bearer(client), idempotencyKey);
    }

    private static long deadlocks() throws Exception {
        try (Connection c = TestServices.connect(); PreparedStatement s = c.prepareStatement(
                "select deadlocks from pg_stat_database where datname = current_database()");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(String sql, String parameter) throws Exception {
        try (Connection c = TestServices.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
