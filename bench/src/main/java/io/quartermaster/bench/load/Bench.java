package io.quartermaster.bench.load;

import io.quartermaster.launcher.Check;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.Jedis;

/**
 * {@code ./quartermaster bench [W1 … W6] [--quick] [--seconds N] [--out DIR]}: starts
 * Quartermaster with production-like settings (durable PostgreSQL, persistent broker, one
 * Payara Micro instance), a Redis for the lock-then-check driver, then drives every workload
 * against the application and, in the same run on the same PostgreSQL, its pgbench twin and
 * the comparison drivers; writes the Markdown report with PNG charts to
 * {@code bench/results/<date>/}. The workloads are here; what they run on is the {@link Testbed},
 * and one measured run is {@link Measurements}.
 */
public final class Bench {

    /** Sizes of a run: the full one, or a short one to try the bench out. */
    record Plan(boolean quick, int seconds, int warmup, Set<String> contenders) {
        /** Whether the contender with this short name ("app", "pgbench", "optimistic", "redis") runs. */
        boolean runs(String contender) {
            return contenders.isEmpty() || contenders.contains(contender);
        }

        List<Integer> w1Clients() {
            return quick ? List.of(1, 8, 32) : List.of(1, 8, 32, 64, 128);
        }

        List<Integer> w23Clients() {
            return quick ? List.of(8) : List.of(8, 32);
        }

        int w4Clients() {
            return 32;
        }

        int w5Clients() {
            return 32;
        }

        int longSeconds() {
            return seconds * 2;
        }
    }

    private static final String W5_TTL = "5";

    private final Plan plan;
    private final Testbed bed;
    private final Measurements measure;
    private final List<Run> runs = new ArrayList<>();
    private final Map<Workload, List<String>> notes = new LinkedHashMap<>();

    Bench(Plan plan, Testbed bed) {
        this.plan = plan;
        this.bed = bed;
        this.measure = new Measurements(bed, plan, notes);
    }

    public static void main(String[] args) throws Exception {
        try (var config = Bench.class.getResourceAsStream("/chaos-logging.properties")) {
            java.util.logging.LogManager.getLogManager().readConfiguration(config);
        }
        System.setProperty("java.awt.headless", "true");
        Path home = Path.of(System.getProperty("qm.home", ".")).toAbsolutePath().normalize();
        boolean quick = false;
        Integer seconds = null;
        Path out = null;
        Set<Workload> workloads = EnumSet.noneOf(Workload.class);
        Set<String> contenders = new java.util.TreeSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> quick = true;
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]).toAbsolutePath();
                case "--only" -> contenders.addAll(List.of(args[++i].split(",")));
                default -> {
                    try {
                        workloads.add(Workload.valueOf(arg.toUpperCase()));
                    } catch (IllegalArgumentException e) {
                        System.err.println("usage: quartermaster bench [W1 … W6] [--quick] [--seconds N] [--out DIR] "
                                + "[--only app,pgbench,optimistic,redis]");
                        System.exit(2);
                    }
                }
            }
        }
        if (workloads.isEmpty()) {
            workloads = EnumSet.allOf(Workload.class);
        }
        Plan plan = new Plan(quick, seconds != null ? seconds : quick ? 5 : 15, quick ? 2 : 3, contenders);
        if (out == null) {
            out = home.resolve("bench/results").resolve(LocalDate.now().format(DateTimeFormatter.ISO_LOCAL_DATE)
                    + (quick ? "-quick" : ""));
        }
        Testbed bed = new Testbed(plan, home, home.resolve("bench/target/bench-data"));
        Bench bench = new Bench(plan, bed);
        Runtime.getRuntime().addShutdownHook(new Thread(bed::close));
        long started = System.nanoTime();
        try {
            bed.start(workloads);
            bench.runAll(workloads);
            Path report = new Report(bench.runs, bench.notes, bed.machine(Duration.ofNanos(System.nanoTime() - started)),
                    plan).write(out);
            progress("Report written: %s", report);
            System.out.println();
            System.out.println(Files.readString(report));
        } finally {
            bed.close();
        }
        System.exit(0);
    }

    static void progress(String format, Object... args) {
        System.out.println("[bench] " + String.format(format, args));
        System.out.flush();
    }

    // ------------------------------------------------------------------ workloads

    void runAll(Set<Workload> workloads) throws Exception {
        for (Workload w : workloads) {
            progress("== %s: %s", w, w.title);
            switch (w) {
                case W1 -> contention(w, plan.w1Clients(), true);
                case W2, W3 -> contention(w, plan.w23Clients(), false);
                case W4 -> carts();
                case W5 -> holds();
                case W6 -> ledgerLag();
                case W7 -> registerFleet();
            }
            invariants(w);
        }
        // Last, because it restarts the application twice: a workload after it would run on a cold JIT.
        if (workloads.contains(Workload.W1) && plan.runs("app")) {
            progress("== W1 again: every payment taking 200 ms");
            paymentLatency(plan.w1Clients().get(plan.w1Clients().size() - 1));
            invariants(Workload.W1);
        }
    }

    static final String PAYMENT_200 = "Quartermaster, payment 200 ms";

    /**
     * W1 at the most clients with every payment taking 200 ms (the instance restarted with
     * {@code QM_PAYMENTS_LATENCY_MILLIS=200}, after every other run): payment capture happens
     * outside every lock and batch, so the rate should stay within 20 % of the run without latency.
     */
    private void paymentLatency(int clients) throws Exception {
        bed.restart(Map.of("QM_PAYMENTS_LATENCY_MILLIS", "200"), "with a payment latency of 200 ms");
        runs.add(measure.measure(Workload.W1, bed.app().named(PAYMENT_200), clients, 0, false));
    }

    /**
     * Every contender at every client count. At 32 clients (W1, and W2) the application's run is
     * followed by a second one of the same load under a JFR recording, whose profile goes into the
     * notes and whose figures are not reported: starting a recording and walking 512-frame stacks
     * costs the instance enough to halve (on a slow machine, quarter) the rate it is meant to explain.
     */
    private void contention(Workload w, List<Integer> clients, boolean profileAt32) throws Exception {
        for (int n : clients) {
            if (plan.runs("app")) {
                runs.add(measure.measure(w, bed.app(), n, 0, false));
                if (n == 32 && (profileAt32 || w == Workload.W2)) {
                    measure.profile(w, bed.app(), n);
                }
            }
            if (plan.runs("pgbench")) {
                runs.add(measure.pgbench(w, n, 0, 1));
            }
            if (plan.runs("optimistic")) {
                try (var optimistic = new JdbcContenders.Optimistic(bed.db(), false)) {
                    runs.add(measure.measure(w, optimistic, n, 0, false));
                }
                try (var retrying = new JdbcContenders.Optimistic(bed.db(), true)) {
                    runs.add(measure.measure(w, retrying, n, 0, false));
                }
            }
            if (!plan.runs("redis")) {
                continue;
            }
            try (var locking = new JdbcContenders.RedisLockThenCheck(bed.db(), bed.redis())) {
                try (Jedis jedis = bed.redis().getResource()) {
                    jedis.flushAll();
                }
                runs.add(measure.measure(w, locking, n, 0, false));
            }
        }
    }

    /** W4: carts of 1–5 lines in random order; the twin once as written (deadlocks reach it) and once retrying. */
    private void carts() throws Exception {
        int n = plan.w4Clients();
        runs.add(measure.measure(Workload.W4, bed.app(), n, 0, false));
        runs.add(measure.pgbench(Workload.W4, n, 0, 1));
        runs.add(measure.pgbench(Workload.W4, n, 0, 10));
    }

    /** W5: checkout holds from all channels, 30 % abandoned; the hold invariant sampled all along. */
    private void holds() throws Exception {
        for (String channel : bed.channels()) {
            bed.channel(channel, Integer.parseInt(W5_TTL));
        }
        try {
            Instant from = Instant.now();
            List<BenchDatabase.HoldSample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread sampler = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        samples.add(bed.db().holdSample());
                        Thread.sleep(250);
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "hold-sampler");
            sampler.start();
            Run run = measure.measure(Workload.W5, bed.checkouts(), plan.w5Clients(), 0, false);
            progress("W5: load over; sampling on while the abandoned holds expire ...");
            Thread.sleep((Long.parseLong(W5_TTL) + 8) * 1000L);
            stop.set(true);
            sampler.join();
            runs.add(run.withHolds(new Run.Holds(samples.size(),
                    samples.stream().filter(s -> !s.mismatches().isEmpty()).count(),
                    samples.stream().flatMap(s -> s.mismatches().stream()).limit(3).toList(),
                    samples.stream().filter(s -> s.overdue() > 0).count(),
                    samples.stream().mapToDouble(BenchDatabase.HoldSample::oldestOverdueSeconds).max().orElse(0),
                    bed.db().expiries(from))));
        } finally {
            for (String channel : bed.channels()) {
                bed.channel(channel, 120);
            }
        }
    }

    /** W6: W2's carts arriving at a fixed rate (open loop); ledger lag from each order to its journal entry. */
    private void ledgerLag() throws Exception {
        double rate = runs.stream().filter(r -> r.workload() == Workload.W2 && r.contender().equals("Quartermaster")
                        && "closed".equals(r.mode())).mapToDouble(Run::ordersPerSecond).max().orElse(0) * 0.7;
        if (rate < 20) {
            rate = plan.quick() ? 50 : 150;
        }
        rate = Math.round(rate / 10) * 10.0;
        AppContender app = bed.app();
        runs.add(measure.measure(Workload.W6, app, 0, rate, false).with("rate", "70 % of W2's best closed-loop orders/s"));
        runs.add(measure.pgbench(Workload.W6, 32, rate, 1));
        BrokerOutage outage = new BrokerOutage(bed, plan.warmup(), 10, 60);
        Run down = measure.measure(Workload.W6, app.named(OUTAGE), 0, rate, false, outage, 10 + 60 + 50);
        runs.add(down.with("broker down", outage.report()).with(CAUGHT_UP, outage.catchUpSeconds() < 0 ? "never"
                : "%.1f s".formatted(outage.catchUpSeconds())));
        backlogDrain(100_000);
        webhookDrain(10_000, 1);
        webhookDrain(10_000, 4);
    }

    /** Webhook deliveries of a backlog to receivers on loopback: queued by the relay, drained by the senders. */
    private void webhookDrain(int events, int subscriptions) throws Exception {
        bed.waitForRest(Duration.ofMinutes(5));
        progress("W6: webhooks: %,d events to %d subscription(s) on loopback ...", events, subscriptions);
        WebhookDrain.Result r = new WebhookDrain(bed.db(), bed.api(), bed.baseUrl(), bed.admin()).run(events, subscriptions, Duration.ofMinutes(10));
        String line = r.deliveredSeconds() < 0
                ? "Webhook drain: %,d events × %d subscription(s) **not all delivered within 10 min**.".formatted(events, subscriptions)
                : ("Webhook drain: %,d OrderPlaced events written into the outbox at once, %d subscription(s) with a receiver on "
                + "loopback. Every delivery queued %.1f s after the write, every one delivered (signature verified) %.1f s after "
                + "it: %,.0f deliveries/s%s; %d received more than once.").formatted(events, subscriptions, r.queuedSeconds(),
                r.deliveredSeconds(), r.perSecond(), subscriptions > 1 ? " for all subscriptions together" : " (one at a time, in order)",
                r.repeated());
        progress("W6: %s", line);
        notes.computeIfAbsent(Workload.W6, k -> new ArrayList<>()).add(line);
    }

    static final String OUTAGE = "Quartermaster, broker down 60 s";
    static final String STOCK_BATCHES = "stock batches (group commits)";
    static final String CPU = "CPU per order";
    static final String CAUGHT_UP = "caught up after the broker came back";

    /** W7: a register fleet settling from its allotments beside the pgbench twin at as many clients; then a reconnect. */
    private void registerFleet() throws Exception {
        RegisterFleet fleet = new RegisterFleet(bed);
        RegisterFleet.Result settled = fleet.fleet(plan.quick() ? 10 : 20, plan.seconds());
        double rest = fleet.secondsToRest(Duration.ofMinutes(5));
        Run twin = measure.pgbench(Workload.W7, RegisterFleet.FLEET, 0, 1);
        runs.add(twin);
        RegisterFleet.Result back = fleet.reconnect();
        double backRest = fleet.secondsToRest(Duration.ofMinutes(5));
        List<String> lines = RegisterFleet.describe(settled, rest, twin.ordersPerSecond(), back, backRest);
        lines.forEach(line -> progress("W7: %s", line));
        notes.computeIfAbsent(Workload.W7, k -> new ArrayList<>()).addAll(lines);
    }

    /** The note of every application run: from the last request answered to nothing in flight. */
    static final String AT_REST = "books at rest (every event published and posted) after the load stopped";

    /** A backlog written into the outbox at once; how fast the relay publishes it and the ERP posts it. */
    private void backlogDrain(int events) throws Exception {
        bed.waitForRest(Duration.ofMinutes(5));
        progress("W6: draining a backlog of %,d events written into the outbox at once ...", events);
        Books.Drain drain = bed.books().drain(events, Duration.ofMinutes(10));
        String line = drain.relaySeconds() < 0
                ? "Backlog drain: %,d OrderPlaced events written into the outbox at once were **not drained within 10 min**."
                        .formatted(events)
                : ("Backlog drain: %,d synthetic OrderPlaced events written into the outbox in one statement (as an outage "
                + "leaves them). The relay published them in %.1f s (%,.0f events/s); the ERP had posted all their journal "
                + "entries %.1f s after they were written (%,.0f events/s). Both ran at the same time, on the same 2 cores, "
                + "each in its own batches.").formatted(events, drain.relaySeconds(), drain.relayPerSecond(),
                drain.erpSeconds(), drain.erpPerSecond());
        progress("W6: %s", line);
        notes.computeIfAbsent(Workload.W6, k -> new ArrayList<>()).add(line);
    }

    private void invariants(Workload w) throws Exception {
        bed.waitForRest(Duration.ofMinutes(3));
        JsonObject report = Check.fetch(bed.baseUrl(), "admin", bed.adminPassword(), 60);
        long violations = report.getJsonNumber("violations").longValue();
        notes.computeIfAbsent(w, k -> new ArrayList<>()).add(0, "Invariant checker after " + w + ": " + violations
                + " violation(s) over " + report.getJsonArray("checks").size() + " rules (" + report.getJsonNumber("millis")
                + " ms).");
        if (violations > 0) {
            progress("INVARIANTS BROKEN after %s: %s", w, report);
            for (int i = 0; i < runs.size(); i++) {
                Run r = runs.get(i);
                if (r.workload() == w && r.contender().equals("Quartermaster")) {
                    runs.set(i, r.plusOversells(violations));
                }
            }
        } else {
            progress("Invariant checker after %s: all rules hold", w);
        }
    }
}
