package io.quartermaster.bench.load;

import static io.quartermaster.bench.load.Bench.progress;

import io.quartermaster.bench.client.Api;
import io.quartermaster.bench.client.ErpEvents;
import io.quartermaster.bench.client.LocalMachine;
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
import java.util.ArrayList;
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
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * What the bench runs on, set up once: durable PostgreSQL, a persistent broker and one Payara
 * Micro instance from the launcher's {@link Stack}, a Redis for the lock-then-check driver, the
 * pgbench twin, the channels with their API keys and the products with their stock. It restarts
 * the instance with other settings, waits for the system to come to rest, describes the machine
 * for the report and closes everything at the end.
 */
final class Testbed implements AutoCloseable {

    private final Bench.Plan plan;
    private final Path home;
    private final Path dataDir;
    private final Api api = new Api(Duration.ofSeconds(30));
    private final String adminPassword = "bench-" + UUID.randomUUID();
    private final Map<String, String> channelKeys = new LinkedHashMap<>();
    private final Map<String, String> versions = new LinkedHashMap<>();
    private Stack stack;
    private Stack.Instance instance;
    private BenchDatabase db;
    private Books books;
    private PgbenchTwin twin;
    private Process redisServer;
    private JedisPool redis;
    private String baseUrl;

    Testbed(Bench.Plan plan, Path home, Path dataDir) {
        this.plan = plan;
        this.home = home;
        this.dataDir = dataDir;
    }

    void start(Set<Workload> workloads) throws Exception {
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
        // W1 and W7 sell SKU 1 only and W5 the first 50; the others need all 10,000.
        boolean all = workloads.stream().anyMatch(w -> w != Workload.W1 && w != Workload.W5 && w != Workload.W7);
        createProducts(all ? Workload.SKUS : workloads.contains(Workload.W5) ? Workload.W5_SKUS : 1);
        db.createBenchSchema();
        warmUp();
    }

    /**
     * The instance's JIT has compiled the set-up calls, not the order path: a fresh JVM sells
     * several times slower for its first minute. Orders for SKU 1 from 8 clients, not measured.
     */
    void warmUp() throws Exception {
        int seconds = plan.quick() ? 20 : 40;
        progress("Warming the application up: %d s of orders (not measured) ...", seconds);
        Tally warm = Load.closed(app(), Workload.W1, 8, Duration.ofSeconds(seconds), Duration.ofSeconds(1), "warm-up");
        progress("Warm-up: %,d orders; waiting for the books to catch up ...", warm.ordersAll());
        waitForRest(Duration.ofMinutes(5));
    }

    void channel(String code, int ttlSeconds) throws IOException, InterruptedException {
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

    void restart(Map<String, String> env, String why) throws Exception {
        progress("Restarting the application %s ...", why);
        int port = instance.port();
        stack.stop(instance);
        instance = stack.startInstance(1, port, env);
        if (!Stack.awaitReady(instance, Duration.ofMinutes(5))) {
            throw new IllegalStateException("Quartermaster did not become ready again; see " + dataDir.resolve("logs"));
        }
        warmUp();
    }

    /** Until the outbox is published, the ERP has consumed every event it posts from and no hold is active (or the time is up). */
    void waitForRest(Duration patience) throws Exception {
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

    /** The application as a contender: one-shot orders from the three channels' keys, in turn. */
    AppContender app() {
        return new AppContender(api, baseUrl, List.copyOf(channelKeys.values()), db);
    }

    CheckoutContender checkouts() {
        return new CheckoutContender(api, baseUrl, channelKeys, db);
    }

    Api api() {
        return api;
    }

    String baseUrl() {
        return baseUrl;
    }

    String adminPassword() {
        return adminPassword;
    }

    Set<String> channels() {
        return channelKeys.keySet();
    }

    Stack stack() {
        return stack;
    }

    Stack.Instance instance() {
        return instance;
    }

    Path dataDir() {
        return dataDir;
    }

    BenchDatabase db() {
        return db;
    }

    Books books() {
        return books;
    }

    PgbenchTwin twin() {
        return twin;
    }

    JedisPool redis() {
        return redis;
    }

    Map<String, String> machine(Duration total) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Date", Instant.now().toString());
        m.put("Cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        m.put("Memory", LocalMachine.memory());
        m.put("CPU", LocalMachine.cpuModel());
        m.putAll(versions);
        m.put("Application", "one Payara Micro instance, heap 1 GB, connection pool 32; load generator, PostgreSQL, "
                + "Artemis and Redis on the same machine");
        m.put("Run", (plan.quick() ? "quick" : "full") + ": " + plan.seconds() + " s measured per run (W5, W6: "
                + plan.longSeconds() + " s) after " + plan.warmup() + " s warm-up each (and " + (plan.quick() ? 20 : 40)
                + " s of orders to warm the JIT up before the first); total " + total.toMinutes() + " min");
        return m;
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

    String admin() {
        return Api.basic("admin", adminPassword);
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

    @Override
    public synchronized void close() {
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
