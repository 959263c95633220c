package io.quartermaster.bench.load;

import io.quartermaster.bench.client.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * W5's buyers: 50 % web, 30 % mobile, 20 % point of sale. Each places a checkout hold
 * ({@code POST /api/v1/checkouts}); 70 % confirm it ({@code POST …/confirm}), 30 % walk away and
 * leave the hold to expire (the channels' hold TTL is short in this workload).
 */
final class CheckoutContender implements Contender {

    static final double ABANDONED = 0.30;

    private final Api api;
    private final String baseUrl;
    private final Map<String, String> channelKeys;
    private final BenchDatabase database;

    CheckoutContender(Api api, String baseUrl, Map<String, String> channelKeys, BenchDatabase database) {
        this.api = api;
        this.baseUrl = baseUrl;
        this.channelKeys = channelKeys;
        this.database = database;
    }

    @Override
    public String name() {
        return "Quartermaster";
    }

    @Override
    public Attempt buy(Cart cart) throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double pick = random.nextDouble();
        String channel = pick < 0.5 ? "WEB" : pick < 0.8 ? "MOBILE" : "POS";
        String authorization = Api.bearer(channelKeys.get(channel));
        JsonObject hold = Json.createObjectBuilder().add("lines", AppContender.lines(cart))
                .add("customerRef", "bench-w5").build();
        String key = UUID.randomUUID().toString();
        Api.Answer answer;
        try {
            answer = api.call(baseUrl, "POST", "/api/v1/checkouts", authorization, hold, key);
        } catch (IOException e) {
            return new Attempt(Verdict.ERROR, "no answer (" + e.getClass().getSimpleName() + ")", 0);
        }
        if (answer.status() == 409 && "Insufficient stock".equals(answer.title())) {
            return new Attempt(Verdict.OUT_OF_STOCK, "checkout 409 Insufficient stock", 0);
        }
        if (answer.status() != 201) {
            return new Attempt(Verdict.ERROR, "checkout " + answer.status() + " " + answer.title(), 0);
        }
        if (random.nextDouble() < ABANDONED) {
            return new Attempt(Verdict.ABANDONED, "checkout 201, abandoned", 0);
        }
        String id = answer.json().getString("id");
        JsonObject payment = Json.createObjectBuilder()
                .add("payment", Json.createObjectBuilder().add("token", "tok_bench")).build();
        Attempt confirm = AppContender.send(api, baseUrl, "/api/v1/checkouts/" + id + "/confirm", authorization, payment);
        return new Attempt(confirm.verdict(), "confirm " + confirm.answer(), confirm.retries());
    }

    @Override
    public Map<Integer, Long> onHand() throws Exception {
        return database.appOnHand();
    }
}
