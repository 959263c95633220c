package io.quartermaster.bench.chaos;

import io.quartermaster.bench.client.Api;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Buyers on all three channels placing one-shot orders, each with its own Idempotency-Key,
 * the way a careful client does: a request without an answer, a 503 or a "still in
 * progress" 409 is sent again with the same key, to the next instance, until a final answer
 * comes or the patience runs out. Every order carries its key in {@code customerRef}
 * ({@code chaos:<scenario>:<key>}), so the suite can match what the database holds with
 * what the clients were told.
 */
final class Buyers {

    /** The final answer one key got. */
    record Outcome(String key, int status, String orderId, int attempts, long millis, long finishedAt) {
    }

    private final Api api;
    private final Supplier<List<String>> instances;
    private final Map<String, String> channelKeys;
    private final String scenario;
    private final long patienceMillis;
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger gaveUp = new AtomicInteger();
    private final AtomicInteger rotation = new AtomicInteger();
    /** The longest a key was answered "Request in progress" before its final answer came. */
    private final AtomicLong longestInProgress = new AtomicLong();
    private volatile String longestInProgressKey;

    Buyers(Api api, Supplier<List<String>> instances, Map<String, String> channelKeys, String scenario,
           long patienceMillis) {
        this.api = api;
        this.instances = instances;
        this.channelKeys = channelKeys;
        this.scenario = scenario;
        this.patienceMillis = patienceMillis;
    }

    /** Places one order of {@code lines} (sku → quantity) through {@code channel}, retrying as above. */
    Outcome buy(String channel, Map<String, Integer> lines) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        JsonArrayBuilder cart = Json.createArrayBuilder();
        lines.forEach((sku, quantity) -> cart.add(Json.createObjectBuilder().add("sku", sku).add("quantity", quantity)));
        JsonObject body = Json.createObjectBuilder()
                .add("lines", cart)
                .add("payment", Json.createObjectBuilder().add("token", "tok_chaos"))
                .add("customerRef", "chaos:" + scenario + ":" + key)
                .build();
        String authorization = Api.bearer(channelKeys.get(channel));
        long started = System.currentTimeMillis();
        int attempts = 0;
        long inProgressSince = 0;
        requests.incrementAndGet();
        while (System.currentTimeMillis() - started < patienceMillis) {
            List<String> targets = instances.get();
            String target = targets.get(Math.floorMod(rotation.getAndIncrement(), targets.size()));
            attempts++;
            Api.Answer answer;
            try {
                answer = api.call(target, "POST", "/api/v1/orders", authorization, body, key);
            } catch (IOException e) {
                unanswered.incrementAndGet();
                Thread.sleep(200);
                continue;
            }
            answers.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
            boolean inProgress = answer.status() == 409 && "Request in progress".equals(answer.title());
            if (inProgress && inProgressSince == 0) {
                inProgressSince = System.currentTimeMillis();
            }
            if (answer.status() == 503 || inProgress) {
                int wait = answer.retryAfter() == null ? 1 : Math.min(answer.retryAfter(), 2);
                Thread.sleep(wait * 1000L + ThreadLocalRandom.current().nextInt(250));
                continue;
            }
            String orderId = null;
            if (answer.status() != 201) {
                refusals.computeIfAbsent(answer.status() + " " + answer.title(), t -> new AtomicInteger()).incrementAndGet();
            }
            if (answer.status() == 201) {
                orderId = answer.json().getString("id");
            }
            long now = System.currentTimeMillis();
            if (inProgressSince != 0 && now - inProgressSince > longestInProgress.get()) {
                longestInProgress.set(now - inProgressSince);
                longestInProgressKey = key;
            }
            Outcome outcome = new Outcome(key, answer.status(), orderId, attempts, now - started, now);
            outcomes.add(outcome);
            return outcome;
        }
        gaveUp.incrementAndGet();
        Outcome outcome = new Outcome(key, 0, null, attempts, System.currentTimeMillis() - started, System.currentTimeMillis());
        outcomes.add(outcome);
        return outcome;
    }

    /** {@code clients} buyers ordering 1–2 random SKUs of {@code skus} in a loop until {@code stop} is set. */
    List<Thread> start(int clients, List<String> skus, AtomicBoolean stop) {
        List<String> channels = List.of("WEB", "MOBILE", "POS");
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String channel = channels.get(i % channels.size());
            Thread t = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!stop.get()) {
                    Map<String, Integer> lines = new TreeMap<>();
                    int count = 1 + random.nextInt(2);
                    while (lines.size() < count) {
                        lines.put(skus.get(random.nextInt(skus.size())), 1 + random.nextInt(2));
                    }
                    try {
                        buy(channel, lines);
                        Thread.sleep(random.nextInt(20, 120));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "buyer-" + scenario + "-" + i);
            t.start();
            threads.add(t);
        }
        return threads;
    }

    static void join(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }

    /**
     * Adds a failure when a retry was told "Request in progress" for longer than a live request
     * takes: a key whose first attempt died (with its instance, or in a database restart) must be
     * taken over at once — the lease (60 s) is only the fallback.
     */
    void checkNoLongWaitForADeadAttempt(List<String> failures) {
        if (longestInProgress.get() > 15_000) {
            failures.add("key " + longestInProgressKey + " was answered 'Request in progress' for "
                    + longestInProgress.get() / 1000.0 + " s before its real outcome");
        }
    }

    long longestInProgressMillis() {
        return longestInProgress.get();
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    int requests() {
        return requests.get();
    }

    int unanswered() {
        return unanswered.get();
    }

    int gaveUp() {
        return gaveUp.get();
    }

    /** Every HTTP status seen (retries included), e.g. {201=812, 409=3, 503=40}. */
    Map<Integer, Integer> answers() {
        Map<Integer, Integer> counts = new TreeMap<>();
        answers.forEach((status, n) -> counts.put(status, n.get()));
        return counts;
    }

    /** The final answers other than 201 by status and problem title, e.g. {409 Insufficient stock=12}. */
    Map<String, Integer> refusals() {
        Map<String, Integer> counts = new TreeMap<>();
        refusals.forEach((title, n) -> counts.put(title, n.get()));
        return counts;
    }

    /** The final answers, e.g. {201=800, 409=12}. */
    Map<Integer, Integer> finalStatuses() {
        Map<Integer, Integer> counts = new TreeMap<>();
        outcomes.forEach(o -> counts.merge(o.status(), 1, Integer::sum));
        return counts;
    }

    Set<String> acceptedKeys() {
        Set<String> keys = ConcurrentHashMap.newKeySet();
        outcomes.stream().filter(o -> o.status() == 201).forEach(o -> keys.add(o.key()));
        return keys;
    }

    String scenario() {
        return scenario;
    }
}
