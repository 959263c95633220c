package io.quartermaster.bench.chaos;

import io.quartermaster.bench.client.Api;
import io.quartermaster.bench.client.LocalMachine;
import io.quartermaster.bench.client.WebhookReceiver;
import io.quartermaster.launcher.Stack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the fault suite runs against: one PostgreSQL, one Artemis and {@link ChaosSuite#INSTANCES}
 * Payara Micro instances (instance 2 with its clock 5 minutes ahead), the "load balancer" (the
 * instances that are ready), the three channels' API keys, a webhook receiver subscribed to every
 * event, and the products the load buys.
 */
final class Cluster implements AutoCloseable {

    private final ChaosSuite.Settings settings;
    private final Api api = new Api(Duration.ofSeconds(20));
    private final String adminPassword = "chaos-" + UUID.randomUUID();
    private final Map<String, String> channelKeys = new HashMap<>();
    /** All instances, by index - 1. */
    private final List<String> urls = new ArrayList<>();
    /** What the load balancer sends traffic to: instances that answered /health/ready, minus those taken down. */
    private final List<String> ready = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> loadSkus = new ArrayList<>();
    private Stack stack;
    private String jdbcUrl;
    /** An integrator subscribed to every event from the start: each must reach it, whatever fails. */
    private WebhookReceiver receiver;

    Cluster(ChaosSuite.Settings settings) {
        this.settings = settings;
    }

    /**
     * Instance 2's clock runs 5 minutes ahead: hold expiry, when an event is due and how long a
     * payment has run are the database's clock, so every scenario must pass with it.
     */
    static final long SKEWED_SECONDS = 300;

    static Map<String, String> instanceEnv(int index) {
        return index == 2 ? Map.of("QM_CLOCK_OFFSET_SECONDS", String.valueOf(SKEWED_SECONDS)) : Map.of();
    }

    void start() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("QM_HEAP", "640m");
        stack = new Stack(settings.home(), settings.dataDir(), env, true, LocalMachine.freePort(), LocalMachine.freePort(), 3,
                settings.dataDir().resolve("logs"));
        stack.startServices();
        stack.putAppEnv("QM_ADMIN_PASSWORD", adminPassword);
        // The lease stays at its 60 s: a key whose request died with its instance (scenario 2) or in a
        // database restart (scenario 4) must be taken over at once (Buyers.checkNoLongWaitForADeadAttempt).
        stack.putAppEnv("QM_PAYMENTS_ABANDON_AFTER_SECONDS", "5");
        // The webhook receiver is on loopback; a failed attempt is retried after 1–2 s instead of 15–30 s.
        stack.putAppEnv("QM_WEBHOOKS_ALLOW_PRIVATE_URLS", "true");
        stack.putAppEnv("QM_WEBHOOKS_RETRY_BASE_SECONDS", "2");
        jdbcUrl = stack.jdbcUrl();
        int base = LocalMachine.freePort();
        ChaosSuite.say("Starting " + ChaosSuite.INSTANCES + " Payara Micro instances (logs in " + settings.dataDir().resolve("logs") + ")");
        List<Stack.Instance> started = new ArrayList<>();
        for (int i = 1; i <= ChaosSuite.INSTANCES; i++) {
            int port = i == 1 ? base : LocalMachine.freePort();
            started.add(stack.startInstance(i, port, instanceEnv(i)));
            urls.add("http://127.0.0.1:" + port);
        }
        for (Stack.Instance instance : started) {
            if (!Stack.awaitReady(instance, Duration.ofMinutes(5))) {
                throw new IllegalStateException("instance " + instance.index() + " did not become ready; see its log");
            }
        }
        ready.addAll(urls);
        ChaosSuite.say("All instances ready: " + urls);
        String admin = admin();
        receiver = new WebhookReceiver();
        JsonObject webhook = api.require(urls.get(0), "POST", "/api/v1/admin/webhooks", admin, Json.createObjectBuilder()
                .add("url", receiver.url()).add("events", Json.createArrayBuilder().add("*")).build()).json();
        receiver.secret(webhook.getString("secret"));
        ChaosSuite.say("Webhook receiver " + receiver.url() + " subscribed to every event");
        for (String channel : List.of("WEB", "MOBILE", "POS")) {
            api.require(urls.get(0), "PUT", "/api/v1/channels/" + channel, admin, Json.createObjectBuilder()
                    .add("name", channel + " (chaos)").add("holdTtlSeconds", ChaosSuite.HOLD_TTL_SECONDS)
                    .add("locations", Json.createArrayBuilder().add("MAIN")).build());
            JsonObject client = api.require(urls.get(0), "POST", "/api/v1/admin/api-clients", admin, Json.createObjectBuilder()
                    .add("name", "chaos-" + channel.toLowerCase()).add("role", "CHANNEL").add("channel", channel).build()).json();
            channelKeys.put(channel, client.getString("key"));
        }
        for (int i = 1; i <= 20; i++) {
            String sku = "CHAOS-%02d".formatted(i);
            product(sku, 5000);
            loadSkus.add(sku);
        }
    }

    void product(String sku, int units) throws IOException, InterruptedException {
        String admin = admin();
        api.require(urls.get(0), "PUT", "/api/v1/products/" + sku, admin, Json.createObjectBuilder()
                .add("name", "Chaos item " + sku).add("price", 10).add("taxRate", 0.2).build());
        api.require(urls.get(0), "POST", "/api/v1/stock/receipts", admin, Json.createObjectBuilder()
                .add("sku", sku).add("location", "MAIN").add("quantity", units).add("unitCost", 4).build());
    }

    String admin() {
        return Api.basic("admin", adminPassword);
    }

    Api api() {
        return api;
    }

    String adminPassword() {
        return adminPassword;
    }

    Map<String, String> channelKeys() {
        return channelKeys;
    }

    List<String> urls() {
        return urls;
    }

    List<String> ready() {
        return ready;
    }

    List<String> loadSkus() {
        return loadSkus;
    }

    Stack stack() {
        return stack;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    WebhookReceiver receiver() {
        return receiver;
    }

    @Override
    public void close() {
        if (receiver != null) {
            receiver.close();
        }
        if (stack != null) {
            stack.close();
        }
    }
}
