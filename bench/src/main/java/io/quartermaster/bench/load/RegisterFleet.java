package io.quartermaster.bench.load;

import static io.quartermaster.bench.load.Bench.progress;

import io.quartermaster.bench.client.Api;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * W7, a register fleet (DESIGN.md §9): registers settling batches of sales of one hot SKU from
 * their allotments, beside the pgbench twin's orders at as many clients in the same run — batching
 * across the counter against one order per transaction. Then the offline → online case: registers
 * that sold offline send everything that waits at once.
 */
final class RegisterFleet {

    static final int FLEET = 8;
    static final int BATCH = 50;
    static final int OFFLINE_REGISTERS = 10;
    static final int OFFLINE_SALES = 1000;

    private final Testbed bed;
    private final Api api;
    private final String base;
    private final String run = UUID.randomUUID().toString().substring(0, 4).toUpperCase();

    /** One register as the bench drives it: its code, its key and the next sale number. */
    private static final class Till {
        final String code;
        final String key;
        long seq;

        Till(String code, String key) {
            this.code = code;
            this.key = key;
        }
    }

    /** What a run of the fleet measured. */
    record Result(long sales, double seconds, double p50Millis, double p99Millis, long refused, long errors) {
        double salesPerSecond() {
            return sales / seconds;
        }
    }

    RegisterFleet(Testbed bed) {
        this.bed = bed;
        this.api = bed.api();
        this.base = bed.baseUrl();
    }

    /** {@code count} new registers at MAIN, each holding {@code units} of the hot SKU. */
    private List<Till> registers(String prefix, int count, int units) throws Exception {
        List<Till> tills = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String code = prefix + run + "-" + i;
            JsonObject created = api.require(base, "POST", "/api/v1/admin/registers", bed.admin(), Json.createObjectBuilder()
                    .add("code", code).add("name", "Bench till " + i).add("location", "MAIN").build()).json();
            Till till = new Till(code, Api.bearer(created.getString("key")));
            JsonObject view = api.require(base, "PUT", "/api/v1/registers/" + code + "/allotments", till.key,
                    Json.createObjectBuilder().add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("sku", AppContender.sku(Workload.HOT_SKU)).add("target", units))).build()).json();
            int held = view.getJsonArray("allotments").getJsonObject(0).getInt("remaining");
            if (held < units) {
                throw new IllegalStateException("register " + code + " holds " + held + " of " + units + " units");
            }
            tills.add(till);
        }
        return tills;
    }

    private static JsonObject sales(Till till, int count) {
        JsonArrayBuilder sales = Json.createArrayBuilder();
        String now = Instant.now().toString();
        for (int i = 0; i < count; i++) {
            sales.add(Json.createObjectBuilder().add("id", UUID.randomUUID().toString()).add("seq", ++till.seq)
                    .add("soldAt", now)
                    .add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("sku", AppContender.sku(Workload.HOT_SKU)).add("quantity", 1).add("unitPrice", 10)))
                    .add("tender", Json.createObjectBuilder().add("type", "CASH")));
        }
        return Json.createObjectBuilder().add("sales", sales).build();
    }

    /** Sends a batch until the server answers it (a 503 or a lost answer is sent again: each sale is recorded once). */
    private static int[] settle(Api api, String base, Till till, JsonObject batch) throws Exception {
        for (int attempt = 1; ; attempt++) {
            Api.Answer answer;
            try {
                answer = api.call(base, "POST", "/api/v1/registers/" + till.code + "/sales", till.key, batch, null);
            } catch (java.io.IOException e) {
                if (attempt >= 5) {
                    throw e;
                }
                continue;
            }
            if (answer.status() == 200) {
                int recorded = 0;
                int refused = 0;
                for (JsonObject r : answer.json().getJsonArray("results").getValuesAs(JsonObject.class)) {
                    if ("REFUSED".equals(r.getString("status"))) {
                        refused++;
                    } else {
                        recorded++;
                    }
                }
                return new int[] {recorded, refused};
            }
            if (answer.status() != 503 || attempt >= 20) {
                throw new IllegalStateException("settlement answered " + answer.status() + ": " + answer.body());
            }
            Thread.sleep(200L * attempt);
        }
    }

    /**
     * {@link #FLEET} registers settling batches of {@link #BATCH} sales, closed loop, for {@code seconds},
     * after {@code warmUpSeconds} of the same not measured: the JIT has compiled the order path during
     * the bench's warm-up, not the settlement's (a cold run measured 30-50 % less).
     */
    Result fleet(int warmUpSeconds, int seconds) throws Exception {
        List<Till> tills = registers("W7F", FLEET, 50_000);
        progress("W7: warming the settlement path up: %d s (not measured) ...", warmUpSeconds);
        drive(tills, warmUpSeconds);
        bed.waitForRest(Duration.ofMinutes(2));
        progress("W7: %d registers settling batches of %d sales for %d s ...", FLEET, BATCH, seconds);
        return drive(tills, seconds);
    }

    private Result drive(List<Till> tills, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(FLEET);
        List<Future<long[]>> futures = new ArrayList<>();
        List<List<Long>> latencies = new ArrayList<>();
        long started = System.nanoTime();
        for (Till till : tills) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            futures.add(pool.submit(() -> {
                long recorded = 0;
                long refused = 0;
                while (!stop.get()) {
                    JsonObject batch = sales(till, BATCH);
                    long t0 = System.nanoTime();
                    int[] answer = settle(api, base, till, batch);
                    mine.add(System.nanoTime() - t0);
                    recorded += answer[0];
                    refused += answer[1];
                }
                return new long[] {recorded, refused};
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        long sales = 0;
        long refused = 0;
        long errors = 0;
        for (Future<long[]> f : futures) {
            try {
                long[] r = f.get();
                sales += r[0];
                refused += r[1];
            } catch (java.util.concurrent.ExecutionException e) {
                errors++;
                progress("W7: a register failed: %s", e.getCause());
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] all = latencies.stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
        return new Result(sales, elapsed, percentile(all, 0.50), percentile(all, 0.99), refused, errors);
    }

    /**
     * {@link #OFFLINE_REGISTERS} registers that each sold {@link #OFFLINE_SALES} times offline reconnect
     * at once and send everything, 500 sales per request: how long until every sale is recorded.
     */
    Result reconnect() throws Exception {
        List<Till> tills = registers("W7O", OFFLINE_REGISTERS, OFFLINE_SALES);
        List<List<JsonObject>> waiting = new ArrayList<>();
        for (Till till : tills) {
            List<JsonObject> batches = new ArrayList<>();
            for (int sent = 0; sent < OFFLINE_SALES; sent += 500) {
                batches.add(sales(till, Math.min(500, OFFLINE_SALES - sent)));
            }
            waiting.add(batches);
        }
        progress("W7: %d registers reconnect with %,d sales waiting each ...", OFFLINE_REGISTERS, OFFLINE_SALES);
        ExecutorService pool = Executors.newFixedThreadPool(OFFLINE_REGISTERS);
        List<Future<long[]>> futures = new ArrayList<>();
        long[] latencies = new long[OFFLINE_REGISTERS * (OFFLINE_SALES / 500 + 1)];
        java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
        long started = System.nanoTime();
        for (int i = 0; i < tills.size(); i++) {
            Till till = tills.get(i);
            List<JsonObject> batches = waiting.get(i);
            futures.add(pool.submit(() -> {
                long recorded = 0;
                long refused = 0;
                for (JsonObject batch : batches) {
                    long t0 = System.nanoTime();
                    int[] answer = settle(api, base, till, batch);
                    latencies[taken.getAndIncrement()] = System.nanoTime() - t0;
                    recorded += answer[0];
                    refused += answer[1];
                }
                return new long[] {recorded, refused};
            }));
        }
        long sales = 0;
        long refused = 0;
        for (Future<long[]> f : futures) {
            long[] r = f.get();
            sales += r[0];
            refused += r[1];
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] sorted = Arrays.stream(latencies, 0, taken.get()).sorted().toArray();
        return new Result(sales, elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99), refused, 0);
    }

    /** Seconds until the outbox is published and the books have posted everything (at most {@code patience}). */
    double secondsToRest(Duration patience) throws Exception {
        long t0 = System.nanoTime();
        bed.waitForRest(patience);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The report's lines: the fleet against the twin, and the reconnect, each with its target. */
    static List<String> describe(Result fleet, double fleetRest, double twinPerSecond, Result back, double backRest) {
        return List.of(
                ("Fleet: %d registers, batches of %d sales: **%,.0f sales/s** recorded (%,d in %.1f s; %d refused, %d failed "
                        + "registers); p50 %.0f ms, p99 %.0f ms per settlement request; books at rest %.1f s after the last "
                        + "one. The pgbench twin at %d clients in this run: %,.0f orders/s. Target (≥ the twin): **%s**.")
                        .formatted(FLEET, BATCH, fleet.salesPerSecond(), fleet.sales(), fleet.seconds(), fleet.refused(),
                                fleet.errors(), fleet.p50Millis(), fleet.p99Millis(), fleetRest, FLEET, twinPerSecond,
                                fleet.salesPerSecond() >= twinPerSecond ? "met" : "not met"),
                ("Offline → online: %d registers reconnecting with %,d waiting sales each sent %,d sales in %.1f s "
                        + "(%,.0f sales/s, p99 %.0f ms per 500-sale request; %d refused); books at rest %.1f s later. "
                        + "Targets (≤ 30 s; books ≤ 5 s after): **%s**, **%s**.")
                        .formatted(OFFLINE_REGISTERS, OFFLINE_SALES, back.sales(), back.seconds(), back.salesPerSecond(),
                                back.p99Millis(), back.refused(), backRest, back.seconds() <= 30 ? "met" : "not met",
                                backRest <= 5 ? "met" : "not met"));
    }

    private static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }
}
