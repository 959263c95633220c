package io.quartermaster.bench.load;

import static io.quartermaster.bench.load.Bench.progress;

import io.quartermaster.bench.client.Api;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One measured run of one contender: the application, the pgbench twin or a comparison driver,
 * closed or open loop. Around the load it takes what the report needs — stock on hand before and
 * after (oversells, false rejections), deadlocks, CPU of the application server and of PostgreSQL,
 * wait events, the stock batches' sizes, the books' lag and time to rest, and a JFR profile when
 * asked — into a {@link Run}.
 */
final class Measurements {

    private final Testbed bed;
    private final Bench.Plan plan;
    private final Map<Workload, List<String>> notes;

    Measurements(Testbed bed, Bench.Plan plan, Map<Workload, List<String>> notes) {
        this.bed = bed;
        this.plan = plan;
        this.notes = notes;
    }

    /**
     * The same closed-loop load once more, under a JFR recording of the instance: the profile goes into
     * the workload's notes, with the rate this run reached, and the run itself is not reported.
     */
    void profile(Workload w, AppContender app, int clients) throws Exception {
        Run profiled = measure(w, app.named(app.name() + " under JFR"), clients, 0, true);
        notes.computeIfAbsent(w, k -> new ArrayList<>()).add("  (the profiled run, not in the table: %.0f orders/s, p99 %.0f ms)"
                .formatted(profiled.ordersPerSecond(), profiled.p99()));
    }

    Run measure(Workload w, Contender contender, int clients, double rate, boolean profile) throws Exception {
        int seconds = w == Workload.W5 || w == Workload.W6 ? plan.longSeconds() : plan.seconds();
        return measure(w, contender, clients, rate, profile, null, seconds);
    }

    Run measure(Workload w, Contender contender, int clients, double rate, boolean profile, BrokerOutage outage,
                int seconds) throws Exception {
        boolean app = contender instanceof AppContender || contender instanceof CheckoutContender;
        if (!app) {
            bed.db().resetBenchStock();
        } else {
            // Each application run starts with the books caught up, so that it is not also paying
            // for the backlog of the run before (that lag is measured, in W6, under a load it can carry).
            bed.waitForRest(Duration.ofMinutes(5));
            bed.db().vacuumApp();
        }
        String label = "%s %s, %s".formatted(w, contender.name(), rate > 0 ? Math.round(rate) + "/s open loop" : clients + " clients");
        progress("%s ...", label);
        Map<Integer, Long> before = contender.onHand();
        long deadlocksBefore = bed.db().deadlocks();
        long mark = app ? bed.books().mark() : 0;
        JsonObject batchesBefore = app ? batchSizes() : null;
        double appCpuBefore = app ? CpuTime.process(bed.instance().pid()) : 0;
        double dbCpuBefore = CpuTime.postgres();
        if (outage != null) {
            outage.start(mark);
        }
        Path jfr = bed.dataDir().resolve("profile-" + w.name().toLowerCase() + "-" + clients + ".jfr");
        boolean profiling = profile && Profiler.start(bed.instance().pid(), Duration.ofSeconds(plan.warmup() + seconds), jfr);
        Tally tally;
        Map<String, Double> waits;
        try (BenchDatabase.WaitSampler sampler = bed.db().sampleWaits(20)) {
            tally = rate > 0
                    ? Load.open(contender, w, rate, Duration.ofSeconds(plan.warmup()), Duration.ofSeconds(seconds), 512, label)
                    : Load.closed(contender, w, clients, Duration.ofSeconds(plan.warmup()), Duration.ofSeconds(seconds), label);
            waits = sampler.shares();
        }
        double appCpu = app ? CpuTime.process(bed.instance().pid()) - appCpuBefore : 0;
        double dbCpu = CpuTime.postgres() - dbCpuBefore;
        double rest = -1;
        if (app) {
            if (outage != null) {
                outage.await();
            }
            rest = bed.books().secondsToRest(mark, Duration.ofMinutes(3));
        }
        long deadlocks = bed.db().deadlocks() - deadlocksBefore;
        Map<Integer, Long> after = contender.onHand();
        long oversells = oversold(before, after, tally::unitsSold);
        long falseRejections = tally.refused().stream().filter(cart -> stillHad(cart, after)).count();
        Run.Lag lag = null;
        if (app) {
            waitForLedger(tally, Duration.ofMinutes(2));
            lag = bed.db().ledgerLag(tally.opened(), tally.closed());
        }
        Histogram h = tally.latency();
        Run run = new Run(w, contender.name(), rate > 0 ? "open" : "closed", clients, rate,
                Duration.between(tally.opened(), tally.closed()).toMillis() / 1000.0, tally.requests(),
                tally.count(Verdict.SOLD), tally.count(Verdict.OUT_OF_STOCK), tally.count(Verdict.REFUSED), falseRejections,
                oversells, tally.errors(), tally.retries(), deadlocks, ms(h, 50), ms(h, 99), ms(h, 99.9),
                h.getMaxValue() / 1000.0, lag, waits, null, new LinkedHashMap<>());
        if (w == Workload.W5) {
            run = run.with("abandoned holds", String.valueOf(tally.count(Verdict.ABANDONED)));
        }
        long accepted = tally.ordersAll();
        if (app && accepted > 0 && appCpu > 0) {
            run = run.with(Bench.CPU, "%.2f ms in the application server, %.2f ms in PostgreSQL (warm-up included)"
                    .formatted(appCpu / accepted, dbCpu / accepted));
        }
        String batches = app ? batchNote(batchesBefore, batchSizes()) : null;
        if (batches != null) {
            run = run.with(Bench.STOCK_BATCHES, batches);
        }
        if (app) {
            run = run.with(Bench.AT_REST, rest < 0 ? "**not within 3 min**" : "%.1f s".formatted(rest));
        }
        progress("%s: %.0f orders/s, p99 %.1f ms, %d oversold, %d false rejections, %d errors%s", label,
                run.ordersPerSecond(), run.p99(), oversells, falseRejections, run.errorCount(),
                lag == null ? "" : ", ledger lag p99 %.0f ms".formatted(lag.p99()));
        if (profiling) {
            List<String> profileLines = Profiler.summarize(jfr, Map.of(
                    bed.stack().database().port(), "PostgreSQL", portOf(bed.stack().jmsUrl()), "Artemis"));
            notes.computeIfAbsent(w, k -> new ArrayList<>()).add("Profile of the application server (JFR) during "
                    + label + ":");
            notes.get(w).addAll(profileLines);
        }
        return run;
    }

    Run pgbench(Workload w, int clients, double rate, int maxTries) throws Exception {
        bed.db().resetBenchStock();
        String name = maxTries > 1 ? "pgbench twin, --max-tries=" + maxTries : "pgbench twin";
        String label = "%s %s, %s".formatted(w, name, rate > 0 ? Math.round(rate) + "/s open loop" : clients + " clients");
        progress("%s ...", label);
        bed.twin().run(w, clients, plan.warmup(), rate, maxTries, false);
        Map<Integer, Long> before = bed.db().benchOnHand();
        Map<Integer, Long> orderedBefore = bed.db().benchUnitsOrdered();
        long deadlocksBefore = bed.db().deadlocks();
        int seconds = w == Workload.W6 ? plan.longSeconds() : plan.seconds();
        PgbenchTwin.Result result;
        Map<String, Double> waits;
        double dbCpuBefore = CpuTime.postgres();
        try (BenchDatabase.WaitSampler sampler = bed.db().sampleWaits(20)) {
            result = bed.twin().run(w, clients, seconds, rate, maxTries, true);
            waits = sampler.shares();
        }
        double dbCpu = CpuTime.postgres() - dbCpuBefore;
        long deadlocks = bed.db().deadlocks() - deadlocksBefore;
        Map<Integer, Long> after = bed.db().benchOnHand();
        Map<Integer, Long> ordered = bed.db().benchUnitsOrdered();
        long oversells = oversold(before, after,
                sku -> ordered.getOrDefault(sku, 0L) - orderedBefore.getOrDefault(sku, 0L));
        Map<String, Long> errors = new java.util.TreeMap<>();
        result.failures().forEach((kind, n) -> errors.put(kind + " failure", n));
        Histogram h = result.latency();
        Run run = new Run(w, name, rate > 0 ? "open" : "closed", clients, rate, seconds, result.processed()
                + result.failed(), result.processed(), 0, 0, 0, oversells, errors, result.retried(), deadlocks,
                ms(h, 50), ms(h, 99), ms(h, 99.9), h.getMaxValue() / 1000.0, null, waits, null, new LinkedHashMap<>());
        if (result.processed() > 0 && dbCpu > 0) {
            run = run.with(Bench.CPU, "%.2f ms in PostgreSQL per transaction".formatted(dbCpu / result.processed()));
        }
        progress("%s: %.0f transactions/s, p99 %.1f ms, %d failed", label, run.ordersPerSecond(), run.p99(), result.failed());
        return run;
    }

    /**
     * Units sold beyond what the stock rows lost, summed over SKUs, plus any row below zero:
     * {@code sold} gives the units the contender sold of a SKU number over the run.
     */
    static long oversold(Map<Integer, Long> before, Map<Integer, Long> after, java.util.function.IntToLongFunction sold) {
        long oversells = 0;
        for (Map.Entry<Integer, Long> e : after.entrySet()) {
            long lost = before.getOrDefault(e.getKey(), 0L) - e.getValue();
            oversells += Math.max(0, sold.applyAsLong(e.getKey()) - lost) + (e.getValue() < 0 ? -e.getValue() : 0);
        }
        return oversells;
    }

    private static boolean stillHad(Cart cart, Map<Integer, Long> after) {
        for (int i = 0; i < cart.lines(); i++) {
            if (after.getOrDefault(cart.skus()[i], 0L) < cart.quantities()[i]) {
                return false;
            }
        }
        return true;
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    /** Until every order of the run has its journal entry (or the time is up). */
    private void waitForLedger(Tally tally, Duration patience) throws Exception {
        Instant to = Instant.now();
        long deadline = System.nanoTime() + patience.toNanos();
        Instant from = tally.opened().minusSeconds(plan.warmup() + 1);
        while (System.nanoTime() < deadline && bed.db().ledgerEntries(from, to) < tally.ordersAll()) {
            Thread.sleep(250);
        }
    }

    /** This instance's stock batch sizes so far ({@code GET /api/v1/admin/stock-batches}), or null. */
    JsonObject batchSizes() {
        try {
            Api.Answer answer = bed.api().call(bed.baseUrl(), "GET", "/api/v1/admin/stock-batches", bed.admin(), null, null);
            return answer.status() == 200 ? answer.json() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** How the run's stock requests shared batches: the difference of two {@link #batchSizes()}. */
    static String batchNote(JsonObject before, JsonObject after) {
        if (before == null || after == null) {
            return null;
        }
        long batches = after.getJsonNumber("batches").longValue() - before.getJsonNumber("batches").longValue();
        long requests = after.getJsonNumber("requests").longValue() - before.getJsonNumber("requests").longValue();
        if (batches <= 0) {
            return null;
        }
        StringBuilder note = new StringBuilder("%,d batches for %,d requests (%.1f per batch); batches of ".formatted(batches,
                requests, (double) requests / batches));
        var was = before.getJsonArray("sizes");
        var now = after.getJsonArray("sizes");
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            long n = now.getJsonObject(i).getJsonNumber("batches").longValue() - was.getJsonObject(i).getJsonNumber("batches").longValue();
            if (n > 0) {
                parts.add("%s: %.0f %%".formatted(now.getJsonObject(i).getString("size"), 100.0 * n / batches));
            }
        }
        return note.append(String.join(", ", parts)).append(" (warm-up included)").toString();
    }

    static int portOf(String url) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(\\d+)").matcher(url == null ? "" : url);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
