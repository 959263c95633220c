package io.quartermaster.bench.load;

import io.quartermaster.bench.client.Api;
import io.quartermaster.bench.client.ErpEvents;
import io.quartermaster.bench.client.LocalMachine;
import io.quartermaster.launcher.Check;
import io.quartermaster.launcher.EmbeddedDatabase;
import io.quartermaster.launcher.Stack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * {@code ./quartermaster bench [W1 … W6] [--quick] [--seconds N] [--out DIR]}: starts
 * Quartermaster with production-like settings (durable PostgreSQL, persistent broker, one
 * Payara Micro instance), a Redis for the lock-then-check driver, then drives every workload
 * against the application and, in the same run on the same PostgreSQL, its pgbench twin and
 * the comparison drivers; writes the Markdown report with PNG charts to
 * {@code bench/results/<date>/}.
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
    private final Path home;
    private final Path dataDir;
    private final Api api = new Api(Duration.ofSeconds(30));
    private final String adminPassword = "bench-" + UUID.randomUUID();
    private final Map<String, String> channelKeys = new LinkedHashMap<>();
    private final List<Run> runs = new ArrayList<>();
    private final Map<Workload, List<String>> notes = new LinkedHashMap<>();
    private final Map<String, String> versions = new LinkedHashMap<>();
    private Stack stack;
    private Stack.Instance instance;
    private BenchDatabase db;
    private Books books;
    private PgbenchTwin twin;
    private Process redisServer;
    private JedisPool redis;
    private String baseUrl;

    Bench(Plan plan, Path home, Path dataDir) {
        this.plan = plan;
        this.home = home;
        this.dataDir = dataDir;
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
        Bench bench = new Bench(plan, home, home.resolve("bench/target/bench-data"));
        Runtime.getRuntime().addShutdownHook(new Thread(bench::close));
        long started = System.nanoTime();
        try {
            bench.setUp(workloads);
            bench.runAll(workloads);
            Path report = new Report(bench.runs, bench.notes, bench.machine(Duration.ofNanos(System.nanoTime() - started)),
                    plan).write(out);
            progress("Report written: %s", report);
            System.out.println();
            System.out.println(Files.readString(report));
        } finally {
            bench.close();
        }
        System.exit(0);
    }

    static void progress(String format, Object... args) {
        System.out.println("[bench] " + String.format(format, args));
        System.out.flush();
    }

    // ------------------------------------------------------------------ set-up

    void setUp(Set<Workload> workloads) throws Exception {
        String pgbench = PgbenchTwin.find();
        if (pgbench == null) {
            throw new IllegalStateException("pgbench not found: install Debian's postgresql-client (./quartermaster bench does)");
        }
        String redisBinary = LocalMachine.which("redis-server");
        if (redisBinary == null) {
            throw new IllegalStateException("redis-server not found: install Debian's redis-server (./quartermaster bench does)");
        }
        LocalMachine.deleteTree(dataDir);
        Files.createDirectories(dataDir);
        Map<String, String> env = new HashMap<>();
        env.put("QM_HEAP", "1g");
        // Deep stacks in the JFR profile, so that samples reach our code through Payara's layers.
        env.put("QM_JVM_OPTS", System.getenv().getOrDefault("QM_JVM_OPTS", "-XX:FlightRecorderOptions:stackdepth=512"));
        stack = new Stack(home, dataDir, env, true, LocalMachine.freePort(), LocalMachine.freePort(), 5,
                dataDir.resolve("logs"));
        stack.startServices();
        stack.putAppEnv("QM_ADMIN_PASSWORD", adminPassword);
        // The webhook receivers of W6's delivery drain listen on loopback.
        stack.putAppEnv("QM_WEBHOOKS_ALLOW_PRIVATE_URLS", "true");
        // Application settings given to the bench (QM_ORDERS_MAX_CONCURRENT=0 …) reach the instance, for experiments.
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("QM_") && !Set.of("QM_HEAP", "QM_JVM_OPTS", "QM_ADMIN_PASSWORD").contains(name)) {
                stack.putAppEnv(name, value);
                versions.put("Setting " + name, value);
            }
        });
        int port = LocalMachine.freePort();
        progress("Starting Payara Micro on port %d (durable PostgreSQL, persistent broker; log in %s)", port,
                dataDir.resolve("logs"));
        instance = stack.startInstance(1, port, Map.of());
        baseUrl = instance.baseUrl();
        if (!Stack.awaitReady(instance, Duration.ofMinutes(5))) {
            throw new IllegalStateException("Quartermaster did not become ready; see " + dataDir.resolve("logs"));
        }
        db = new BenchDatabase(stack.jdbcUrl(), EmbeddedDatabase.USER);
        books = new Books(db);
        twin = new PgbenchTwin(pgbench, stack.database().port(), EmbeddedDatabase.USER, EmbeddedDatabase.DATABASE,
                dataDir.resolve("pgbench"));
        int redisPort = LocalMachine.freePort();
        redisServer = new ProcessBuilder(redisBinary, "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("logs/redis.log").toFile()).start();
        org.apache.commons.pool2.impl.GenericObjectPoolConfig<Jedis> pool = new org.apache.commons.pool2.impl.GenericObjectPoolConfig<>();
        pool.setMaxTotal(256);
        pool.setMaxIdle(256);
        redis = new JedisPool(pool, "127.0.0.1", redisPort);
        waitForRedis();
        versions.put("PostgreSQL (server)", db.serverVersion() + " (embedded, fsync and synchronous_commit on)");
        versions.put("pgbench", twin.version());
        versions.put("Redis", firstLine(run(redisBinary, "--version")));
        versions.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        versions.put("Payara Micro", payaraVersion());

        String admin = admin();
        for (String channel : List.of("WEB", "MOBILE", "POS")) {
            channel(channel, 120);
            JsonObject client = api.require(baseUrl, "POST", "/api/v1/admin/api-clients", admin, Json.createObjectBuilder()
                    .add("name", "bench-" + channel.toLowerCase()).add("role", "CHANNEL").add("channel", channel).build()).json();
            channelKeys.put(channel, client.getString("key"));
        }
        // W1 sells SKU 1 only and W5 the first 50; the others need all 10,000.
        boolean all = workloads.stream().anyMatch(w -> w != Workload.W1 && w != Workload.W5);
        createProducts(all ? Workload.SKUS : workloads.contains(Workload.W5) ? Workload.W5_SKUS : 1);
        db.createBenchSchema();
        warmUp();
    }

    /**
     * The instance's JIT has compiled the set-up calls, not the order path: a fresh JVM sells
     * several times slower for its first minute. Orders for SKU 1 from 8 clients, not measured.
     */
    private void warmUp() throws Exception {
        int seconds = plan.quick() ? 20 : 40;
        progress("Warming the application up: %d s of orders (not measured) ...", seconds);
        AppContender app = new AppContender(api, baseUrl, List.copyOf(channelKeys.values()), db);
        Tally warm = Load.closed(app, Workload.W1, 8, Duration.ofSeconds(seconds), Duration.ofSeconds(1), "warm-up");
        progress("Warm-up: %,d orders; waiting for the books to catch up ...", warm.ordersAll());
        waitForRest(Duration.ofMinutes(5));
    }

    private void channel(String code, int ttlSeconds) throws IOException, InterruptedException {
        api.require(baseUrl, "PUT", "/api/v1/channels/" + code, admin(), Json.createObjectBuilder()
                .add("name", code + " (bench)").add("holdTtlSeconds", ttlSeconds)
                .add("locations", Json.createArrayBuilder().add("MAIN")).build());
    }

    /** Products 1 … {@code count} with {@link BenchDatabase#STOCK_PER_SKU} units each, through the API (8 at a time). */
    private void createProducts(int count) throws Exception {
        progress("Creating %,d products with %,d units each through the API ...", count, BenchDatabase.STOCK_PER_SKU);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        String admin = admin();
        for (int n = 1; n <= count; n++) {
            String sku = AppContender.sku(n);
            futures.add(pool.submit(() -> {
                api.require(baseUrl, "PUT", "/api/v1/products/" + sku, admin, Json.createObjectBuilder()
                        .add("name", "Bench item " + sku).add("price", 10).add("taxRate", 0.2).build());
                api.require(baseUrl, "POST", "/api/v1/stock/receipts", admin, Json.createObjectBuilder()
                        .add("sku", sku).add("location", "MAIN").add("quantity", BenchDatabase.STOCK_PER_SKU)
                        .add("unitCost", 4).build());
                if (done.incrementAndGet() % 1000 == 0) {
                    progress("  %,d of %,d products", done.get(), count);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        progress("Waiting for the books to post the receipts ...");
        waitForRest(Duration.ofMinutes(10));
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
        restart(Map.of("QM_PAYMENTS_LATENCY_MILLIS", "200"), "with a payment latency of 200 ms");
        AppContender app = new AppContender(api, baseUrl, List.copyOf(channelKeys.values()), db);
        runs.add(measure(Workload.W1, app.named(PAYMENT_200), clients, 0, false));
    }

    private void restart(Map<String, String> env, String why) throws Exception {
        progress("Restarting the application %s ...", why);
        int port = instance.port();
        stack.stop(instance);
        instance = stack.startInstance(1, port, env);
        if (!Stack.awaitReady(instance, Duration.ofMinutes(5))) {
            throw new IllegalStateException("Quartermaster did not become ready again; see " + dataDir.resolve("logs"));
        }
        warmUp();
    }

    /** This instance's stock batch sizes so far ({@code GET /api/v1/admin/stock-batches}), or null. */
    private JsonObject batchSizes() {
        try {
            Api.Answer answer = api.call(baseUrl, "GET", "/api/v1/admin/stock-batches", admin(), null, null);
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

    /** Every contender at every client count; the application profiled at 32 clients. */
    private void contention(Workload w, List<Integer> clients, boolean profileAt32) throws Exception {
        for (int n : clients) {
            if (plan.runs("app")) {
                AppContender app = new AppContender(api, baseUrl, List.copyOf(channelKeys.values()), db);
                runs.add(measure(w, app, n, 0, profileAt32 && n == 32 || !profileAt32 && w == Workload.W2 && n == 32));
            }
            if (plan.runs("pgbench")) {
                runs.add(pgbench(w, n, 0, 1));
            }
            if (plan.runs("optimistic")) {
                try (var optimistic = new JdbcContenders.Optimistic(db, false)) {
                    runs.add(measure(w, optimistic, n, 0, false));
                }
                try (var retrying = new JdbcContenders.Optimistic(db, true)) {
                    runs.add(measure(w, retrying, n, 0, false));
                }
            }
            if (!plan.runs("redis")) {
                continue;
            }
            try (var locking = new JdbcContenders.RedisLockThenCheck(db, redis)) {
                try (Jedis jedis = redis.getResource()) {
                    jedis.flushAll();
                }
                runs.add(measure(w, locking, n, 0, false));
            }
        }
    }

    /** W4: carts of 1–5 lines in random order; the twin once as written (deadlocks reach it) and once retrying. */
    private void carts() throws Exception {
        int n = plan.w4Clients();
        runs.add(measure(Workload.W4, new AppContender(api, baseUrl, List.copyOf(channelKeys.values()), db), n, 0, false));
        runs.add(pgbench(Workload.W4, n, 0, 1));
        runs.add(pgbench(Workload.W4, n, 0, 10));
    }

    /** W5: checkout holds from all channels, 30 % abandoned; the hold invariant sampled all along. */
    private void holds() throws Exception {
        for (String channel : channelKeys.keySet()) {
            channel(channel, Integer.parseInt(W5_TTL));
        }
        try {
            Instant from = Instant.now();
            List<BenchDatabase.HoldSample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread sampler = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        samples.add(db.holdSample());
                        Thread.sleep(250);
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "hold-sampler");
            sampler.start();
            Run run = measure(Workload.W5, new CheckoutContender(api, baseUrl, channelKeys, db), plan.w5Clients(), 0, false);
            progress("W5: load over; sampling on while the abandoned holds expire ...");
            Thread.sleep((Long.parseLong(W5_TTL) + 8) * 1000L);
            stop.set(true);
            sampler.join();
            runs.add(run.withHolds(new Run.Holds(samples.size(),
                    samples.stream().filter(s -> !s.mismatches().isEmpty()).count(),
                    samples.stream().flatMap(s -> s.mismatches().stream()).limit(3).toList(),
                    samples.stream().filter(s -> s.overdue() > 0).count(),
                    samples.stream().mapToDouble(BenchDatabase.HoldSample::oldestOverdueSeconds).max().orElse(0),
                    db.expiries(from))));
        } finally {
            for (String channel : channelKeys.keySet()) {
                channel(channel, 120);
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
        AppContender app = new AppContender(api, baseUrl, List.copyOf(channelKeys.values()), db);
        runs.add(measure(Workload.W6, app, 0, rate, false).with("rate", "70 % of W2's best closed-loop orders/s"));
        runs.add(pgbench(Workload.W6, 32, rate, 1));
        BrokerOutage outage = new BrokerOutage(10, 60);
        Run down = measure(Workload.W6, app.named(OUTAGE), 0, rate, false, outage, 10 + 60 + 50);
        runs.add(down.with("broker down", outage.report()).with(CAUGHT_UP, outage.catchUpSeconds() < 0 ? "never"
                : "%.1f s".formatted(outage.catchUpSeconds())));
        backlogDrain(100_000);
        webhookDrain(10_000, 1);
        webhookDrain(10_000, 4);
    }

    /** Webhook deliveries of a backlog to receivers on loopback: queued by the relay, drained by the senders. */
    private void webhookDrain(int events, int subscriptions) throws Exception {
        waitForRest(Duration.ofMinutes(5));
        progress("W6: webhooks: %,d events to %d subscription(s) on loopback ...", events, subscriptions);
        WebhookDrain.Result r = new WebhookDrain(db, api, baseUrl, admin()).run(events, subscriptions, Duration.ofMinutes(10));
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

    /** The note of every application run: from the last request answered to nothing in flight. */
    static final String AT_REST = "books at rest (every event published and posted) after the load stopped";

    /**
     * Stops the broker {@code afterSeconds} into the measured window for {@code downSeconds}, then
     * times the catch-up: until the oldest event not yet published or not yet posted by the ERP
     * is under a second old again, with the load still arriving.
     */
    private final class BrokerOutage {
        final int afterSeconds;
        final int downSeconds;
        private Thread thread;
        private volatile long mark;
        private volatile double catchUpSeconds = -1;
        private volatile String failure;

        BrokerOutage(int afterSeconds, int downSeconds) {
            this.afterSeconds = afterSeconds;
            this.downSeconds = downSeconds;
        }

        void start(long outboxMark) {
            mark = outboxMark;
            thread = new Thread(this::run, "broker-outage");
            thread.start();
        }

        private void run() {
            try {
                Thread.sleep((plan.warmup() + afterSeconds) * 1000L);
                progress("W6: broker stopped for %d s under load ...", downSeconds);
                stack.stopBroker();
                Thread.sleep(downSeconds * 1000L);
                stack.startBroker();
                long back = System.nanoTime();
                progress("W6: broker back; timing the catch-up ...");
                while (System.nanoTime() - back < Duration.ofMinutes(3).toNanos()) {
                    if (books.oldestInFlight(mark) < 1.0) {
                        catchUpSeconds = (System.nanoTime() - back) / 1e9;
                        progress("W6: caught up %.1f s after the broker came back", catchUpSeconds);
                        return;
                    }
                    Thread.sleep(250);
                }
            } catch (Exception e) {
                failure = e.toString();
            }
        }

        void await() throws InterruptedException {
            if (thread != null) {
                thread.join();
            }
        }

        String report() {
            if (failure != null) {
                return "the outage could not be run: " + failure;
            }
            return downSeconds + " s, from " + afterSeconds + " s into the measured window; "
                    + (catchUpSeconds < 0 ? "**not caught up within 3 min** of its return"
                    : "caught up (oldest event not yet published or posted < 1 s old) %.1f s after the broker came back"
                    .formatted(catchUpSeconds));
        }

        double catchUpSeconds() {
            return catchUpSeconds;
        }
    }

    /** A backlog written into the outbox at once; how fast the relay publishes it and the ERP posts it. */
    private void backlogDrain(int events) throws Exception {
        waitForRest(Duration.ofMinutes(5));
        progress("W6: draining a backlog of %,d events written into the outbox at once ...", events);
        Books.Drain drain = books.drain(events, Duration.ofMinutes(10));
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

    // ------------------------------------------------------------------ one run

    private Run measure(Workload w, Contender contender, int clients, double rate, boolean profile) throws Exception {
        int seconds = w == Workload.W5 || w == Workload.W6 ? plan.longSeconds() : plan.seconds();
        return measure(w, contender, clients, rate, profile, null, seconds);
    }

    private Run measure(Workload w, Contender contender, int clients, double rate, boolean profile, BrokerOutage outage,
                        int seconds) throws Exception {
        boolean app = contender instanceof AppContender || contender instanceof CheckoutContender;
        if (!app) {
            db.resetBenchStock();
        } else {
            // Each application run starts with the books caught up, so that it is not also paying
            // for the backlog of the run before (that lag is measured, in W6, under a load it can carry).
            waitForRest(Duration.ofMinutes(5));
            db.vacuumApp();
        }
        String label = "%s %s, %s".formatted(w, contender.name(), rate > 0 ? Math.round(rate) + "/s open loop" : clients + " clients");
        progress("%s ...", label);
        Map<Integer, Long> before = contender.onHand();
        long deadlocksBefore = db.deadlocks();
        long mark = app ? books.mark() : 0;
        JsonObject batchesBefore = app ? batchSizes() : null;
        double appCpuBefore = app ? CpuTime.process(instance.pid()) : 0;
        double dbCpuBefore = CpuTime.postgres();
        if (outage != null) {
            outage.start(mark);
        }
        Path jfr = dataDir.resolve("profile-" + w.name().toLowerCase() + "-" + clients + ".jfr");
        boolean profiling = profile && Profiler.start(instance.pid(), Duration.ofSeconds(plan.warmup() + seconds), jfr);
        Tally tally;
        Map<String, Double> waits;
        try (BenchDatabase.WaitSampler sampler = db.sampleWaits(20)) {
            tally = rate > 0
                    ? Load.open(contender, w, rate, Duration.ofSeconds(plan.warmup()), Duration.ofSeconds(seconds), 512, label)
                    : Load.closed(contender, w, clients, Duration.ofSeconds(plan.warmup()), Duration.ofSeconds(seconds), label);
            waits = sampler.shares();
        }
        double appCpu = app ? CpuTime.process(instance.pid()) - appCpuBefore : 0;
        double dbCpu = CpuTime.postgres() - dbCpuBefore;
        double rest = -1;
        if (app) {
            if (outage != null) {
                outage.await();
            }
            rest = books.secondsToRest(mark, Duration.ofMinutes(3));
        }
        long deadlocks = db.deadlocks() - deadlocksBefore;
        Map<Integer, Long> after = contender.onHand();
        long oversells = oversold(before, after, tally::unitsSold);
        long falseRejections = tally.refused().stream().filter(cart -> stillHad(cart, after)).count();
        Run.Lag lag = null;
        if (app) {
            waitForLedger(tally, Duration.ofMinutes(2));
            lag = db.ledgerLag(tally.opened(), tally.closed());
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
            run = run.with(CPU, "%.2f ms in the application server, %.2f ms in PostgreSQL (warm-up included)"
                    .formatted(appCpu / accepted, dbCpu / accepted));
        }
        String batches = app ? batchNote(batchesBefore, batchSizes()) : null;
        if (batches != null) {
            run = run.with(STOCK_BATCHES, batches);
        }
        if (app) {
            run = run.with(AT_REST, rest < 0 ? "**not within 3 min**" : "%.1f s".formatted(rest));
        }
        progress("%s: %.0f orders/s, p99 %.1f ms, %d oversold, %d false rejections, %d errors%s", label,
                run.ordersPerSecond(), run.p99(), oversells, falseRejections, run.errorCount(),
                lag == null ? "" : ", ledger lag p99 %.0f ms".formatted(lag.p99()));
        if (profiling) {
            List<String> profileLines = Profiler.summarize(jfr, Map.of(
                    stack.database().port(), "PostgreSQL", portOf(stack.jmsUrl()), "Artemis"));
            notes.computeIfAbsent(w, k -> new ArrayList<>()).add("Profile of the application server (JFR) during "
                    + label + ":");
            notes.get(w).addAll(profileLines);
        }
        return run;
    }

    private Run pgbench(Workload w, int clients, double rate, int maxTries) throws Exception {
        db.resetBenchStock();
        String name = maxTries > 1 ? "pgbench twin, --max-tries=" + maxTries : "pgbench twin";
        String label = "%s %s, %s".formatted(w, name, rate > 0 ? Math.round(rate) + "/s open loop" : clients + " clients");
        progress("%s ...", label);
        twin.run(w, clients, plan.warmup(), rate, maxTries, false);
        Map<Integer, Long> before = db.benchOnHand();
        Map<Integer, Long> orderedBefore = db.benchUnitsOrdered();
        long deadlocksBefore = db.deadlocks();
        int seconds = w == Workload.W6 ? plan.longSeconds() : plan.seconds();
        PgbenchTwin.Result result;
        Map<String, Double> waits;
        double dbCpuBefore = CpuTime.postgres();
        try (BenchDatabase.WaitSampler sampler = db.sampleWaits(20)) {
            result = twin.run(w, clients, seconds, rate, maxTries, true);
            waits = sampler.shares();
        }
        double dbCpu = CpuTime.postgres() - dbCpuBefore;
        long deadlocks = db.deadlocks() - deadlocksBefore;
        Map<Integer, Long> after = db.benchOnHand();
        Map<Integer, Long> ordered = db.benchUnitsOrdered();
        long oversells = oversold(before, after,
                sku -> ordered.getOrDefault(sku, 0L) - orderedBefore.getOrDefault(sku, 0L));
        Map<String, Long> errors = new java.util.TreeMap<>();
        result.failures().forEach((kind, n) -> errors.put(kind + " failure", n));
        Histogram h = result.latency();
        Run run = new Run(w, name, rate > 0 ? "open" : "closed", clients, rate, seconds, result.processed()
                + result.failed(), result.processed(), 0, 0, 0, oversells, errors, result.retried(), deadlocks,
                ms(h, 50), ms(h, 99), ms(h, 99.9), h.getMaxValue() / 1000.0, null, waits, null, new LinkedHashMap<>());
        if (result.processed() > 0 && dbCpu > 0) {
            run = run.with(CPU, "%.2f ms in PostgreSQL per transaction".formatted(dbCpu / result.processed()));
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
        while (System.nanoTime() < deadline && db.ledgerEntries(from, to) < tally.ordersAll()) {
            Thread.sleep(250);
        }
    }

    private void invariants(Workload w) throws Exception {
        waitForRest(Duration.ofMinutes(3));
        JsonObject report = Check.fetch(baseUrl, "admin", adminPassword, 60);
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

    /** Until the outbox is published, the ERP has consumed every event it posts from and no hold is active (or the time is up). */
    private void waitForRest(Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try (var c = db.connect(); var s = c.createStatement(); var rs = s.executeQuery(
                    "select (select count(*) from platform.outbox where published_at is null) "
                            + "+ (select count(*) from inventory.hold where status = 'ACTIVE') + (" + ErpEvents.BACKLOG_SQL + ")")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        progress("The system did not come to rest within %d s; going on", patience.toSeconds());
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, String> machine(Duration total) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Date", Instant.now().toString());
        m.put("Cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        m.put("Memory", memory());
        m.put("CPU", cpuModel());
        m.putAll(versions);
        m.put("Application", "one Payara Micro instance, heap 1 GB, connection pool 32; load generator, PostgreSQL, "
                + "Artemis and Redis on the same machine");
        m.put("Run", (plan.quick() ? "quick" : "full") + ": " + plan.seconds() + " s measured per run (W5, W6: "
                + plan.longSeconds() + " s) after " + plan.warmup() + " s warm-up each (and " + (plan.quick() ? 20 : 40)
                + " s of orders to warm the JIT up before the first); total " + total.toMinutes() + " min");
        return m;
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D+", ""));
                    return "%.1f GiB".formatted(kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "unknown";
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private String payaraVersion() {
        try (var files = Files.list(home.resolve("launcher/target/runtime"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("payara-micro-"))
                    .map(n -> n.replace("payara-micro-", "").replace(".jar", "")).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void waitForRedis() throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            try (Jedis jedis = redis.getResource()) {
                jedis.ping();
                return;
            } catch (RuntimeException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("redis-server did not start; see " + dataDir.resolve("logs/redis.log"));
    }

    private String admin() {
        return Api.basic("admin", adminPassword);
    }

    static int portOf(String url) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(\\d+)").matcher(url == null ? "" : url);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out.trim();
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }

    synchronized void close() {
        if (redis != null) {
            redis.close();
            redis = null;
        }
        if (redisServer != null) {
            redisServer.destroy();
            redisServer = null;
        }
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }
}
