package io.quartermaster.bench.load;

import io.quartermaster.bench.client.Api;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Quartermaster itself, through its published REST API: a one-shot {@code POST /api/v1/orders}
 * per cart with its own Idempotency-Key, from the three channels in turn. A request without an
 * answer, a 503 or a "Request in progress" 409 is sent again with the same key (a retry),
 * like a careful client does; the order is then placed at most once.
 */
final class AppContender implements Contender {

    static final int MAX_TRIES = 30;

    private final Api api;
    private final String baseUrl;
    private final List<String> authorizations;
    private final BenchDatabase database;
    private final AtomicInteger turn = new AtomicInteger();
    private final String name;

    AppContender(Api api, String baseUrl, List<String> channelKeys, BenchDatabase database) {
        this(api, baseUrl, channelKeys.stream().map(Api::bearer).toList(), database, "Quartermaster");
    }

    private AppContender(Api api, String baseUrl, List<String> authorizations, BenchDatabase database, String name) {
        this.name = name;
        this.api = api;
        this.baseUrl = baseUrl;
        this.authorizations = authorizations;
        this.database = database;
    }

    @Override
    public String name() {
        return name;
    }

    /** The same buyers under another name in the report (a run under other conditions). */
    AppContender named(String other) {
        return new AppContender(api, baseUrl, authorizations, database, other);
    }

    static String sku(int number) {
        return "BENCH-%05d".formatted(number);
    }

    static JsonArrayBuilder lines(Cart cart) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (int i = 0; i < cart.lines(); i++) {
            lines.add(Json.createObjectBuilder().add("sku", sku(cart.skus()[i])).add("quantity", cart.quantities()[i]));
        }
        return lines;
    }

    @Override
    public Attempt buy(Cart cart) throws InterruptedException {
        JsonObject body = Json.createObjectBuilder()
                .add("lines", lines(cart))
                .add("payment", Json.createObjectBuilder().add("token", "tok_bench"))
                .add("customerRef", "bench")
                .build();
        String authorization = authorizations.get(Math.floorMod(turn.getAndIncrement(), authorizations.size()));
        return send(api, baseUrl, "/api/v1/orders", authorization, body);
    }

    /** POSTs {@code body} with one Idempotency-Key until a final answer comes; 201 is a sale. */
    static Attempt send(Api api, String baseUrl, String path, String authorization, JsonObject body)
            throws InterruptedException {
        String key = UUID.randomUUID().toString();
        int retries = 0;
        while (true) {
            Api.Answer answer;
            try {
                answer = api.call(baseUrl, "POST", path, authorization, body, key);
            } catch (IOException e) {
                if (++retries >= MAX_TRIES) {
                    return new Attempt(Verdict.ERROR, "no answer (" + e.getClass().getSimpleName() + ")", retries);
                }
                Thread.sleep(200);
                continue;
            }
            int status = answer.status();
            String title = status / 100 == 2 ? "" : answer.title();
            if (status == 503 || (status == 409 && "Request in progress".equals(title))) {
                if (++retries >= MAX_TRIES) {
                    return new Attempt(Verdict.ERROR, status + " " + title, retries);
                }
                Thread.sleep(250 + ThreadLocalRandom.current().nextInt(250));
                continue;
            }
            if (status == 201) {
                return new Attempt(Verdict.SOLD, "201", retries);
            }
            if (status == 409 && "Insufficient stock".equals(title)) {
                return new Attempt(Verdict.OUT_OF_STOCK, "409 " + title, retries);
            }
            return new Attempt(status == 410 ? Verdict.REFUSED : Verdict.ERROR, status + " " + title, retries);
        }
    }

    @Override
    public Map<Integer, Long> onHand() throws Exception {
        return database.appOnHand();
    }
}
