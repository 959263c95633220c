package io.quartermaster.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quartermaster.web.it.Http.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks end to end against the real PostgreSQL and Artemis and a real HTTP receiver on
 * loopback started by the test: what arrives, signed how, retried after a failure and after the
 * receiver was down, failed and redelivered, and who may manage subscriptions. The test server
 * runs with private URLs allowed, retries from 1 s and a 15 s retry window (web/pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhooksIT {

    private static WebhookReceiver receiver;
    private static String pos;
    /** Every subscription a test made, deleted at the end so that later test classes' events go nowhere. */
    private static final List<String> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.quartermaster();
    }

    /** Before each, not before all: Arquillian deploys the WAR after {@code @BeforeAll} methods ran. */
    @BeforeEach
    void start() throws Exception {
        if (receiver == null) {
            receiver = WebhookReceiver.start();
            pos = Shop.channelKey("webhooks-pos", "POS");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (String id : CREATED) {
            Http.delete("/api/v1/admin/webhooks/" + id, Http.admin());
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void subscribedTypesArriveSignedWithTheEnvelopeAsTheBody() throws Exception {
        JsonObject created = subscribe("/types", "[\"OrderPlaced\",\"StockSold\"]");
        String secret = created.getString("secret");
        String id = created.getString("id");
        assertThat(secret).startsWith("whsec_");
        String sku = Shop.product("WH-", "Webhook mug", "12.50", "0.10");
        Shop.receive(sku, 5, "4.00");

        String orderId = order(sku).json().getString("id");

        WebhookReceiver.Received placed = Poll.until(() -> find(receiver.received("/types"), "OrderPlaced", orderId),
                r -> r != null, Duration.ofSeconds(30), "OrderPlaced of order " + orderId + " at the receiver");
        Poll.until(() -> find(receiver.received("/types"), "StockSold", sku), r -> r != null, Duration.ofSeconds(30),
                "StockSold of " + sku + " at the receiver");
        Thread.sleep(1000); // anything else the order caused (StockReserved, …) would have come by now
        for (WebhookReceiver.Received r : receiver.received("/types")) {
            assertThat(r.eventType()).as(r.body()).isIn("OrderPlaced", "StockSold");
            assertThat(verifies(r.signature(), secret, r.body())).as("signature of " + r.eventId()).isTrue();
        }
        JsonObject envelope = Json.createReader(new StringReader(placed.body())).readObject();
        assertThat(envelope.keySet()).containsExactlyInAnyOrder("eventId", "type", "version", "occurredAt", "payload");
        assertThat(envelope.getString("eventId")).isEqualTo(placed.eventId());
        assertThat(envelope.getString("type")).isEqualTo("OrderPlaced");
        assertThat(envelope.getJsonObject("payload").getString("orderId")).isEqualTo(orderId);
        assertThat(placed.contentType()).startsWith("application/json");
        assertThat(placed.signature()).matches("t=\\d{10},v1=[0-9a-f]{64}");
        assertThat(Long.parseLong(placed.signature().substring(2, 12)))
                .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(300L));

        JsonObject delivery = Poll.until(() -> delivery(id, placed.eventId()), d -> d != null && "DELIVERED".equals(
                d.getString("status")), Duration.ofSeconds(10), "the delivery listed as DELIVERED");
        assertThat(delivery.getInt("attempts")).isEqualTo(1);
        assertThat(delivery.getInt("lastHttpStatus")).isEqualTo(200);
        assertThat(delivery.getString("eventType")).isEqualTo("OrderPlaced");
    }

    @Test
    void aFailedAttemptComesAgainWithTheSameEventIdAndTheSameBytes() throws Exception {
        receiver.answer(r -> r.path().equals("/flaky") && receiver.attempts("/flaky", r.eventId()) == 1 ? 500 : 200);
        JsonObject created = subscribe("/flaky", "[\"OrderPlaced\"]");
        String sku = Shop.product("WH-", "Webhook plate", "20.00", "0.00");
        Shop.receive(sku, 1, "8.00");
        String orderId = order(sku).json().getString("id");

        List<WebhookReceiver.Received> attempts = Poll.until(() -> receiver.received("/flaky").stream()
                        .filter(r -> r.body().contains(orderId)).toList(), l -> l.size() >= 2, Duration.ofSeconds(30),
                "a second attempt after the receiver's 500");
        assertThat(attempts.get(1).eventId()).isEqualTo(attempts.get(0).eventId());
        assertThat(attempts.get(1).body()).isEqualTo(attempts.get(0).body());
        JsonObject delivery = Poll.until(() -> delivery(created.getString("id"), attempts.get(0).eventId()),
                d -> d != null && "DELIVERED".equals(d.getString("status")), Duration.ofSeconds(10), "DELIVERED after the retry");
        assertThat(delivery.getInt("attempts")).isEqualTo(2);
        assertThat(delivery.getInt("lastHttpStatus")).isEqualTo(200);
    }

    @Test
    void eventsPlacedWhileTheReceiverIsDownAllArriveOnceItIsBack() throws Exception {
        JsonObject created = subscribe("/down", "[\"OrderPlaced\"]");
        String sku = Shop.product("WH-", "Webhook bowl", "5.00", "0.00");
        Shop.receive(sku, 50, "2.00");
        receiver.down();
        Set<String> orders = new HashSet<>();
        try {
            for (int i = 0; i < 50; i++) {
                Answer placed = order(sku);
                assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
                orders.add(placed.json().getString("id"));
            }
            Thread.sleep(2000);
        } finally {
            receiver.up();
        }

        Poll.until(() -> arrivedOrders("/down"), arrived -> arrived.containsAll(orders), Duration.ofSeconds(60),
                "all 50 orders at the receiver after it came back");
        List<JsonObject> listed = Poll.until(() -> deliveries(created.getString("id"), ""),
                l -> l.size() >= 50 && l.stream().allMatch(d -> "DELIVERED".equals(d.getString("status"))),
                Duration.ofSeconds(30), "50 deliveries listed as DELIVERED");
        assertThat(listed).hasSize(50);
        assertThat(listed.stream().map(d -> d.getString("eventId")).distinct().count()).as("none twice").isEqualTo(50);
    }

    @Test
    void aDeliveryThatKeepsFailingIsFailedAndCanBeRedelivered() throws Exception {
        receiver.answer(r -> r.path().equals("/broken") ? 503 : 200);
        JsonObject created = subscribe("/broken", "[\"OrderPlaced\"]");
        String id = created.getString("id");
        String sku = Shop.product("WH-", "Webhook jug", "30.00", "0.00");
        Shop.receive(sku, 1, "9.00");
        String orderId = order(sku).json().getString("id");
        String eventId = Poll.until(() -> find(receiver.received("/broken"), "OrderPlaced", orderId), r -> r != null,
                Duration.ofSeconds(30), "the first attempt").eventId();

        JsonObject failed = Poll.until(() -> delivery(id, eventId), d -> d != null && "FAILED".equals(d.getString("status")),
                Duration.ofSeconds(60), "FAILED once the retry window is over");
        assertThat(failed.getInt("attempts")).isGreaterThan(1);
        assertThat(failed.getInt("lastHttpStatus")).isEqualTo(503);
        assertThat(failed.getString("lastError")).startsWith("HTTP 503");
        assertThat(deliveries(id, "?status=FAILED")).extracting(d -> d.getString("eventId")).contains(eventId);
        assertThat(Http.get("/api/v1/admin/webhooks/" + id, Http.admin()).json().getInt("failed")).isEqualTo(1);

        receiver.answer(r -> 200);
        Answer redeliver = Http.post("/api/v1/admin/webhooks/" + id + "/deliveries/" + eventId + "/redeliver", "", Http.admin());
        assertThat(redeliver.status()).as(redeliver.toString()).isEqualTo(202);
        Poll.until(() -> delivery(id, eventId), d -> "DELIVERED".equals(d.getString("status")), Duration.ofSeconds(20),
                "DELIVERED after the redelivery");
        Answer noDelivery = Http.post("/api/v1/admin/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/redeliver", "",
                Http.admin());
        assertThat(noDelivery.status()).isEqualTo(404);
        assertThat(noDelivery.json().getString("detail")).contains("has no delivery of event");
        Answer noWebhook = Http.post("/api/v1/admin/webhooks/" + UUID.randomUUID() + "/deliveries/" + eventId + "/redeliver", "",
                Http.admin());
        assertThat(noWebhook.status()).isEqualTo(404);
        assertThat(noWebhook.json().getString("detail")).startsWith("no webhook ");
    }

    @Test
    void aRedirectIsNotFollowedButRetried() throws Exception {
        receiver.answer(r -> r.path().equals("/redirect") ? 302 : 200);
        JsonObject created = subscribe("/redirect", "[\"OrderPlaced\"]");
        String sku = Shop.product("WH-", "Webhook tray", "7.00", "0.00");
        Shop.receive(sku, 1, "3.00");
        String orderId = order(sku).json().getString("id");
        String eventId = Poll.until(() -> find(receiver.received("/redirect"), "OrderPlaced", orderId), r -> r != null,
                Duration.ofSeconds(30), "the first attempt").eventId();

        JsonObject delivery = Poll.until(() -> delivery(created.getString("id"), eventId),
                d -> d != null && d.getInt("attempts") >= 1, Duration.ofSeconds(10), "the attempt recorded");
        assertThat(delivery.getString("status")).isEqualTo("PENDING");
        assertThat(delivery.getInt("lastHttpStatus")).isEqualTo(302);
        assertThat(delivery.getString("lastError")).contains("redirects are not followed");
        assertThat(delivery.getString("nextAttemptAt")).isNotBlank();
        receiver.answer(r -> 200);
    }

    @Test
    void theSecretIsShownOnceAndARotatedSecretSignsBesideTheOldOne() throws Exception {
        JsonObject created = subscribe("/rotate", "[\"OrderPlaced\"]");
        String id = created.getString("id");
        String first = created.getString("secret");
        for (Answer later : List.of(Http.get("/api/v1/admin/webhooks", Http.admin()),
                Http.get("/api/v1/admin/webhooks/" + id, Http.admin()),
                Http.put("/api/v1/admin/webhooks/" + id, "{\"url\":\"" + receiver.url("/rotate") + "\",\"events\":[\"OrderPlaced\"],"
                        + "\"description\":\"renamed\"}", Http.admin()),
                Http.get("/api/v1/admin/webhooks/" + id + "/deliveries", Http.admin()))) {
            assertThat(later.status()).as(later.toString()).isEqualTo(200);
            assertThat(later.body()).doesNotContain(first).doesNotContain("secret");
        }

        Answer rotated = Http.post("/api/v1/admin/webhooks/" + id + "/rotate-secret", "", Http.admin());
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String second = rotated.json().getString("secret");
        assertThat(second).isNotEqualTo(first);
        assertThat(rotated.json().getString("previousSecretUntil")).isNotBlank();
        String sku = Shop.product("WH-", "Webhook cup", "3.00", "0.00");
        Shop.receive(sku, 1, "1.00");
        String orderId = order(sku).json().getString("id");
        WebhookReceiver.Received r = Poll.until(() -> find(receiver.received("/rotate"), "OrderPlaced", orderId),
                x -> x != null, Duration.ofSeconds(30), "the order after the rotation");
        assertThat(r.signature()).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        assertThat(verifies(r.signature(), second, r.body())).isTrue();
        assertThat(verifies(r.signature(), first, r.body())).isTrue();
        assertThat(verifies(r.signature(), "whsec_someone_else", r.body())).isFalse();

        String key = "wh-" + UUID.randomUUID();
        String body = "{\"url\":\"" + receiver.url("/replay") + "\",\"events\":[\"*\"]}";
        Answer original = Http.post("/api/v1/admin/webhooks", body, Http.admin(), key);
        assertThat(original.status()).isEqualTo(201);
        CREATED.add(original.json().getString("id"));
        Answer replay = Http.post("/api/v1/admin/webhooks", body, Http.admin(), key);
        assertThat(replay.status()).as("a repeat gets no second copy of the secret").isEqualTo(409);
        assertThat(replay.body()).doesNotContain("whsec_");

        assertThat(Http.delete("/api/v1/admin/webhooks/" + id, Http.admin()).status()).isEqualTo(204);
        assertThat(Http.get("/api/v1/admin/webhooks/" + id, Http.admin()).status()).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsManageWebhooksAndBadUrlsOrTypesAreNamed() throws Exception {
        String body = "{\"url\":\"" + receiver.url("/x") + "\",\"events\":[\"OrderPlaced\"]}";
        assertThat(Http.post("/api/v1/admin/webhooks", body, null).status()).isEqualTo(401);
        assertThat(Http.post("/api/v1/admin/webhooks", body, Http.bearer(pos)).status()).isEqualTo(403);
        assertThat(Http.get("/api/v1/admin/webhooks", Http.bearer(pos)).status()).isEqualTo(403);
        String staff = Shop.staffKey("webhooks-staff");
        assertThat(Http.get("/api/v1/admin/webhooks", Http.bearer(staff)).status()).isEqualTo(403);

        for (String url : List.of("ftp://example.com/hook", "not a url", "", "/relative/path", "https://user:pw@example.com/h",
                "javascript:alert(1)")) {
            Answer refused = Http.post("/api/v1/admin/webhooks", "{\"url\":" + Json.createValue(url) + ",\"events\":[\"*\"]}",
                    Http.admin());
            assertField(refused, "url");
        }
        assertField(Http.post("/api/v1/admin/webhooks", "{\"url\":\"" + receiver.url("/x")
                + "\",\"events\":[\"OrderPlaced\",\"OrderPlace\"]}", Http.admin()), "events[1]");
        assertField(Http.post("/api/v1/admin/webhooks", "{\"url\":\"" + receiver.url("/x") + "\",\"events\":[]}",
                Http.admin()), "events");
        assertField(Http.post("/api/v1/admin/webhooks", "{\"url\":\"" + receiver.url("/x") + "\",\"events\":[\"*\",\"StockSold\"]}",
                Http.admin()), "events[0]");
        assertThat(Http.get("/api/v1/admin/webhooks", Http.admin()).body()).doesNotContain("OrderPlace\"");
        assertThat(Http.get("/api/v1/admin/webhooks/" + UUID.randomUUID(), Http.admin()).status()).isEqualTo(404);
        assertThat(Http.get("/api/v1/admin/webhooks/nope/deliveries", Http.admin()).status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ helpers

    private static JsonObject subscribe(String path, String events) throws Exception {
        Answer created = Http.post("/api/v1/admin/webhooks", "{\"url\":\"" + receiver.url(path) + "\",\"events\":" + events
                + ",\"description\":\"test " + path + "\"}", Http.admin());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).contains("no-store");
        CREATED.add(created.json().getString("id"));
        return created.json();
    }

    private static Answer order(String sku) throws Exception {
        return Http.post("/api/v1/orders", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],"
                + "\"payment\":{\"token\":\"tok_visa\"}}", Http.bearer(pos));
    }

    /** The first request of {@code type} whose body mentions {@code text} (an order id, a SKU); null when none yet. */
    private static WebhookReceiver.Received find(List<WebhookReceiver.Received> received, String type, String text) {
        return received.stream().filter(r -> type.equals(r.eventType()) && r.body().contains("\"" + text + "\""))
                .findFirst().orElse(null);
    }

    private static Set<String> arrivedOrders(String path) {
        return receiver.received(path).stream()
                .map(r -> Json.createReader(new StringReader(r.body())).readObject().getJsonObject("payload").getString("orderId"))
                .collect(Collectors.toSet());
    }

    private static List<JsonObject> deliveries(String id, String query) throws Exception {
        Answer page = Http.get("/api/v1/admin/webhooks/" + id + "/deliveries" + query + (query.isEmpty() ? "?" : "&")
                + "size=500", Http.admin());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return new ArrayList<>(page.json().getJsonArray("items").getValuesAs(JsonObject.class));
    }

    private static JsonObject delivery(String id, String eventId) throws Exception {
        return deliveries(id, "").stream().filter(d -> d.getString("eventId").equals(eventId)).findFirst().orElse(null);
    }

    private static void assertField(Answer answer, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .as(answer.body()).anyMatch(e -> e.getString("field").equals(field));
    }

    /** What an integrator's receiver does (README "For integrators"), written here without the server's code. */
    static boolean verifies(String header, String secret, String body) throws Exception {
        String t = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                signatures.add(part.substring(3));
            }
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        return signatures.contains(expected);
    }
}
