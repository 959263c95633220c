package io.quartermaster.bench.chaos;

import io.quartermaster.bench.client.Api;
import io.quartermaster.launcher.Stack;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 6 (DESIGN.md §9): one register's sales settled exactly once whatever happens on the
 * way. 200 sales sent at the same moment as one batch to instance 1 and split differently (1–120,
 * 80–200) to instances 2 and 3; then 500 more sent to one instance that is SIGKILLed while it
 * settles them, and sent again to another. Every sale is recorded once, is one order, one SALE
 * movement and one sale entry in the books.
 */
final class RegisterFaults {

    static final String SKU = "CHAOS-REG";
    private static final int FIRST = 200;
    private static final int SECOND = 500;

    private final Cluster cluster;
    private final Verification check;
    private final Map<Integer, Integer> answers = new TreeMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    RegisterFaults(Cluster cluster, Verification check) {
        this.cluster = cluster;
        this.check = check;
    }

    ChaosSuite.Row run() throws Exception {
        ChaosSuite.say("Scenario 6: a register's " + FIRST + " sales sent to 3 instances at once, split differently; then "
                + SECOND + " more to an instance SIGKILLed while it settles them, sent again to another");
        Api api = cluster.api();
        List<String> urls = cluster.urls();
        cluster.product(SKU, 2000);
        String code = "CHAOS-TILL";
        JsonObject created = api.require(urls.get(0), "POST", "/api/v1/admin/registers", cluster.admin(),
                Json.createObjectBuilder().add("code", code).add("name", "Chaos till").add("location", "MAIN").build()).json();
        String key = Api.bearer(created.getString("key"));
        api.require(urls.get(0), "PUT", "/api/v1/registers/" + code + "/allotments", key, Json.createObjectBuilder()
                .add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder().add("sku", SKU).add("target", 1500)))
                .build());
        List<JsonObject> sales = new ArrayList<>();
        for (int seq = 1; seq <= FIRST + SECOND; seq++) {
            sales.add(sale(seq));
        }
        List<String> failures = new ArrayList<>();

        // 1. Three instances, three cuts of the same 200 sales, at the same moment.
        List<CompletableFuture<Api.Answer>> racing = List.of(
                send(urls.get(0), code, key, sales.subList(0, FIRST)),
                send(urls.get(1), code, key, sales.subList(0, 120)),
                send(urls.get(2), code, key, sales.subList(79, FIRST)));
        int recordedNow = 0;
        for (CompletableFuture<Api.Answer> f : racing) {
            Api.Answer answer = f.get();
            count(answer.status());
            if (answer.status() != 200) {
                failures.add("a settlement of the first " + FIRST + " sales answered " + answer.status() + ": " + answer.body());
                continue;
            }
            recordedNow += (int) answer.json().getJsonArray("results").getValuesAs(JsonObject.class).stream()
                    .filter(r -> r.getString("status").equals("RECORDED")).count();
        }
        if (recordedNow != FIRST) {
            failures.add(recordedNow + " sales answered RECORDED across the three instances, expected each of " + FIRST + " once");
        }

        // 2. 500 more to one instance, SIGKILLed mid-settlement; the register sends them again elsewhere.
        int index = 1 + ThreadLocalRandom.current().nextInt(urls.size());
        Stack.Instance victim = cluster.stack().instance(index);
        List<JsonObject> second = sales.subList(FIRST, FIRST + SECOND);
        CompletableFuture<Api.Answer> doomed = send(urls.get(index - 1), code, key, second);
        long delay = 100 + ThreadLocalRandom.current().nextLong(400);
        Thread.sleep(delay);
        cluster.ready().remove(urls.get(index - 1));
        cluster.stack().kill(victim);
        ChaosSuite.say("  SIGKILL instance " + index + " " + delay + " ms into a settlement of " + SECOND + " sales");
        try {
            count(doomed.get().status());
        } catch (java.util.concurrent.ExecutionException e) {
            count(0); // no answer: the register sends them again
        }
        String other = urls.get(index % urls.size());
        Api.Answer resent = null;
        for (int attempt = 1; attempt <= 20 && (resent == null || resent.status() != 200); attempt++) {
            resent = send(other, code, key, second).get();
            count(resent.status());
            if (resent.status() != 200) {
                Thread.sleep(500);
            }
        }
        long earlier = 0;
        if (resent == null || resent.status() != 200) {
            failures.add("the resend was not answered 200: " + (resent == null ? "no answer" : resent.body()));
        } else {
            earlier = resent.json().getJsonArray("results").getValuesAs(JsonObject.class).stream()
                    .filter(r -> r.getString("status").equals("ALREADY_RECORDED")).count();
        }
        Stack.Instance again = cluster.stack().startInstance(index, victim.port(), Cluster.instanceEnv(index));
        if (!Stack.awaitReady(again, java.time.Duration.ofMinutes(5))) {
            failures.add("instance " + index + " did not come back");
        } else {
            cluster.ready().add(urls.get(index - 1));
        }

        // 3. Each sale once: a sale row, an order, a SALE movement and a sale entry in the books.
        check.awaitRest(java.time.Duration.ofMinutes(3), failures);
        int total = FIRST + SECOND;
        long recorded = check.queryLong("select count(*) from orders.register_sale where register_code = '" + code
                + "' and status = 'RECORDED'");
        long orders = check.queryLong("select count(*) from orders.customer_order where register = '" + code + "'");
        long movements = check.queryLong("select count(*) from inventory.stock_movement m join orders.customer_order o "
                + "on m.reference = o.id::text where o.register = '" + code + "'");
        long entries = check.queryLong("select count(*) from erp.journal_entry j join platform.outbox e "
                + "on j.source_event_id = e.event_id join orders.customer_order o on e.body::jsonb -> 'payload' ->> 'orderId' "
                + "= o.id::text where e.type = 'OrderPlaced' and o.register = '" + code + "'");
        if (movements != orders) {
            failures.add(movements + " SALE movements for " + orders + " orders");
        }
        if (entries != orders) {
            failures.add(entries + " sale entries in the books for " + orders + " orders");
        }
        long violations = check.invariantViolations(failures);
        int lost = (int) Math.max(0, total - recorded);
        int duplicated = (int) Math.max(0, orders - recorded) + (int) Math.max(0, recorded - total);
        return new ChaosSuite.Row("6 register, 3 instances + SIGKILL", requests.get(), (int) orders, lost, duplicated,
                violations, "killed " + delay + " ms into a 500-sale settlement; the resend found " + earlier
                        + " recorded before the kill and recorded the rest", answers, Map.of(), failures);
    }

    private static JsonObject sale(int seq) {
        return Json.createObjectBuilder().add("id", UUID.randomUUID().toString()).add("seq", seq)
                .add("soldAt", Instant.now().toString())
                .add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder().add("sku", SKU).add("quantity", 1)
                        .add("unitPrice", 10)))
                .add("tender", Json.createObjectBuilder().add("type", "CASH")).build();
    }

    private CompletableFuture<Api.Answer> send(String url, String code, String key, List<JsonObject> sales) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        sales.forEach(array::add);
        JsonObject body = Json.createObjectBuilder().add("sales", array).build();
        requests.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return cluster.api().call(url, "POST", "/api/v1/registers/" + code + "/sales", key, body, null);
            } catch (IOException | InterruptedException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    private synchronized void count(int status) {
        answers.merge(status, 1, Integer::sum);
    }
}
