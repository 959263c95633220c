package io.quartermaster.bench.chaos;

import io.quartermaster.bench.client.Api;
import io.quartermaster.bench.client.ErpEvents;
import io.quartermaster.bench.client.LocalMachine;
import io.quartermaster.bench.client.WebhookReceiver;
import io.quartermaster.launcher.Check;
import io.quartermaster.launcher.Stack;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The fault suite: one PostgreSQL, one Artemis and three Payara Micro instances of the WAR,
 * buyers on all channels, and five faults — each followed by waiting for the system to come
 * to rest and then the invariant checker, which must report nothing. {@link Settings#quick}
 * is the reduced size that runs inside {@code ./quartermaster test}.
 */
public final class ChaosSuite implements AutoCloseable {

    static final int INSTANCES = 3;
    static final int HOLD_TTL_SECONDS = 30;

    /** Sizes: full for {@code ./quartermaster chaos}, quick for the test suite. */
    public record Settings(boolean quick, Path dataDir, Path home) {
        int hotBuyers() {
            return quick ? 90 : 300;
        }

        int clients() {
            return quick ? 9 : 18;
        }

        int killLoadSeconds() {
            return quick ? 20 : 60;
        }

        int kills() {
            return quick ? 1 : 3;
        }

        int brokerOutageSeconds() {
            return quick ? 10 : 60;
        }

        int databaseOutageSeconds() {
            return quick ? 5 : 20;
        }

        long patienceMillis() {
            return 150_000;
        }
    }

    /** One line of the summary table; {@code failures} says what did not hold, empty when the scenario passed. */
    public record Row(String scenario, int requests, int orders, int lost, int duplicated, long violations,
                      String recovery, Map<Integer, Integer> answers, Map<String, Integer> refusals, List<String> failures) {
        public boolean passed() {
            return failures.isEmpty() && lost == 0 && duplicated == 0 && violations == 0;
        }
    }

    private final Settings settings;
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

    public ChaosSuite(Settings settings) {
        this.settings = settings;
    }

    // ------------------------------------------------------------------ set-up

    /**
     * Instance 2's clock runs 5 minutes ahead: hold expiry, when an event is due and how long a
     * payment has run are the database's clock, so every scenario must pass with it.
     */
    static final long SKEWED_SECONDS = 300;

    private static Map<String, String> instanceEnv(int index) {
        return index == 2 ? Map.of("QM_CLOCK_OFFSET_SECONDS", String.valueOf(SKEWED_SECONDS)) : Map.of();
    }

    public void setUp() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("QM_HEAP", "640m");
        stack = new Stack(settings.home(), settings.dataDir(), env, true, LocalMachine.freePort(), LocalMachine.freePort(), 3,
                settings.dataDir().resolve("logs"));
        stack.startServices();
        stack.putAppEnv("QM_ADMIN_PASSWORD", adminPassword);
        // A key whose request died with its instance is taken over after 10 s instead of 60 s.
        stack.putAppEnv("QM_IDEMPOTENCY_LEASE_SECONDS", "10");
        stack.putAppEnv("QM_PAYMENTS_ABANDON_AFTER_SECONDS", "5");
        // The webhook receiver is on loopback; a failed attempt is retried after 1–2 s instead of 15–30 s.
        stack.putAppEnv("QM_WEBHOOKS_ALLOW_PRIVATE_URLS", "true");
        stack.putAppEnv("QM_WEBHOOKS_RETRY_BASE_SECONDS", "2");
        jdbcUrl = stack.jdbcUrl();
        int base = LocalMachine.freePort();
        say("Starting " + INSTANCES + " Payara Micro instances (logs in " + settings.dataDir().resolve("logs") + ")");
        List<Stack.Instance> started = new ArrayList<>();
        for (int i = 1; i <= INSTANCES; i++) {
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
        say("All instances ready: " + urls);
        String admin = admin();
        receiver = new WebhookReceiver();
        JsonObject webhook = api.require(urls.get(0), "POST", "/api/v1/admin/webhooks", admin, Json.createObjectBuilder()
                .add("url", receiver.url()).add("events", Json.createArrayBuilder().add("*")).build()).json();
        receiver.secret(webhook.getString("secret"));
        say("Webhook receiver " + receiver.url() + " subscribed to every event");
        for (String channel : List.of("WEB", "MOBILE", "POS")) {
            api.require(urls.get(0), "PUT", "/api/v1/channels/" + channel, admin, Json.createObjectBuilder()
                    .add("name", channel + " (chaos)").add("holdTtlSeconds", HOLD_TTL_SECONDS)
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

    private void product(String sku, int units) throws IOException, InterruptedException {
        String admin = admin();
        api.require(urls.get(0), "PUT", "/api/v1/products/" + sku, admin, Json.createObjectBuilder()
                .add("name", "Chaos item " + sku).add("price", 10).add("taxRate", 0.2).build());
        api.require(urls.get(0), "POST", "/api/v1/stock/receipts", admin, Json.createObjectBuilder()
                .add("sku", sku).add("location", "MAIN").add("quantity", units).add("unitCost", 4).build());
    }

    private String admin() {
        return Api.basic("admin", adminPassword);
    }

    // ------------------------------------------------------------------ 1. three instances, last units

    public Row threeInstances() throws Exception {
        String scenario = "s1";
        say("Scenario 1: " + settings.hotBuyers() + " buyers for 10 units over " + INSTANCES + " instances");
        product("CHAOS-HOT", 10);
        Buyers buyers = new Buyers(api, () -> ready, channelKeys, scenario, settings.patienceMillis());
        List<String> channels = List.of("WEB", "MOBILE", "POS");
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < settings.hotBuyers(); i++) {
            String channel = channels.get(i % 3);
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    buyers.buy(channel, Map.of("CHAOS-HOT", 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        Buyers.join(threads);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> finals = buyers.finalStatuses();
        if (finals.getOrDefault(201, 0) != 10) {
            failures.add("expected exactly 10 orders answered 201, got " + finals);
        }
        if (finals.getOrDefault(409, 0) != settings.hotBuyers() - 10) {
            failures.add("expected " + (settings.hotBuyers() - 10) + " clean 409s, got " + finals);
        }
        return verify(buyers, "-", failures, false);
    }

    // ------------------------------------------------------------------ 2. SIGKILL mid-load

    public Row kills() throws Exception {
        String scenario = "s2";
        say("Scenario 2: load for " + settings.killLoadSeconds() + " s, " + settings.kills()
                + " SIGKILL(s) of a random instance at random moments, each victim restarted after its round");
        Buyers buyers = new Buyers(api, () -> ready, channelKeys, scenario, settings.patienceMillis());
        long window = settings.killLoadSeconds() * 1000L / settings.kills();
        List<Long> restartMillis = new ArrayList<>();
        for (int k = 0; k < settings.kills(); k++) {
            // A round: load for the window, one SIGKILL at a random moment in it; then the victim is restarted
            // with the load paused (on 2 cores a Payara Micro deploy under full load does not finish in minutes).
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = buyers.start(settings.clients(), loadSkus, stop);
            long roundStarted = System.currentTimeMillis();
            Thread.sleep(2000 + ThreadLocalRandom.current().nextLong(Math.max(1, window - 4000)));
            int index = 1 + ThreadLocalRandom.current().nextInt(INSTANCES);
            Stack.Instance victim = stack.instance(index);
            say("  SIGKILL instance " + index + " (pid " + victim.pid() + ") after " + buyers.requests() + " requests");
            // The load balancer stops sending new requests to it; those in flight there die with it.
            ready.remove(urls.get(index - 1));
            stack.kill(victim);
            long killed = System.currentTimeMillis();
            Thread.sleep(Math.max(0, roundStarted + window - System.currentTimeMillis()));
            stop.set(true);
            Buyers.join(threads);
            Stack.Instance again = stack.startInstance(index, victim.port(), instanceEnv(index));
            if (!Stack.awaitReady(again, Duration.ofMinutes(5))) {
                throw new IllegalStateException("instance " + index + " did not come back; see its log");
            }
            restartMillis.add(System.currentTimeMillis() - killed);
            ready.add(urls.get(index - 1));
            say("  instance " + index + " serving again " + (System.currentTimeMillis() - killed) + " ms after the kill");
        }
        long slowest = buyers.outcomes().stream().mapToLong(Buyers.Outcome::millis).max().orElse(0);
        List<String> failures = new ArrayList<>();
        long holdsFreed = awaitHoldsFreed(failures);
        String recovery = "killed→serving again " + restartMillis + " ms; slowest request " + slowest / 1000.0
                + " s; holds freed " + holdsFreed / 1000.0 + " s after load";
        return verify(buyers, recovery, failures, true);
    }

    // ------------------------------------------------------------------ 3. broker outage

    public Row brokerOutage() throws Exception {
        String scenario = "s3";
        say("Scenario 3: broker stopped for " + settings.brokerOutageSeconds() + " s under load");
        Buyers buyers = new Buyers(api, () -> ready, channelKeys, scenario, settings.patienceMillis());
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = buyers.start(settings.clients(), loadSkus, stop);
        Thread.sleep(3000);
        stack.stopBroker();
        long stopped = System.currentTimeMillis();
        Thread.sleep(settings.brokerOutageSeconds() * 1000L);
        stack.startBroker();
        long restarted = System.currentTimeMillis();
        long takenDuringOutage = buyers.outcomes().stream()
                .filter(o -> o.status() == 201 && o.finishedAt() >= stopped && o.finishedAt() <= restarted).count();
        say("  broker back; " + takenDuringOutage + " orders were taken while it was down");
        Thread.sleep(3000);
        stop.set(true);
        Buyers.join(threads);
        List<String> failures = new ArrayList<>();
        if (takenDuringOutage == 0) {
            failures.add("no order was taken while the broker was down");
        }
        long drained = awaitRest(Duration.ofMinutes(3), failures) - restarted;
        long journal = queryLong("select count(*) from erp.journal_entry where source_type = 'OrderPlaced'");
        long orders = queryLong("select count(*) from orders.customer_order");
        if (journal != orders) {
            failures.add("journal entries for OrderPlaced " + journal + " ≠ orders " + orders);
        }
        return verify(buyers, takenDuringOutage + " orders during the outage; outbox drained and books posted "
                + drained / 1000.0 + " s after the broker came back", failures, false);
    }

    // ------------------------------------------------------------------ 4. PostgreSQL restart

    public Row databaseRestart() throws Exception {
        String scenario = "s4";
        say("Scenario 4: PostgreSQL stopped for " + settings.databaseOutageSeconds() + " s under load, then started again");
        Buyers buyers = new Buyers(api, () -> ready, channelKeys, scenario, settings.patienceMillis());
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = buyers.start(settings.clients(), loadSkus, stop);
        Thread.sleep(3000);
        stack.stopDatabase();
        say("  PostgreSQL stopped");
        Thread.sleep(settings.databaseOutageSeconds() * 1000L);
        stack.startDatabase();
        long restarted = System.currentTimeMillis();
        say("  PostgreSQL started again");
        Thread.sleep(10_000);
        stop.set(true);
        Buyers.join(threads);
        List<String> failures = new ArrayList<>();
        long firstOrder = buyers.outcomes().stream().filter(o -> o.status() == 201 && o.finishedAt() >= restarted)
                .mapToLong(Buyers.Outcome::finishedAt).min().orElse(-1);
        if (firstOrder < 0) {
            failures.add("no order was taken after PostgreSQL came back");
        }
        Map<Integer, Integer> seen = buyers.answers();
        seen.keySet().stream().filter(s -> s >= 500 && s != 503)
                .forEach(s -> failures.add(seen.get(s) + " answers with status " + s + " (only clean 503s are allowed)"));
        if (seen.getOrDefault(503, 0) == 0 && buyers.unanswered() == 0) {
            failures.add("the outage was not noticed by any client (no 503, no failed request)");
        }
        String recovery = seen.getOrDefault(503, 0) + " × 503, " + buyers.unanswered() + " without answer; first order "
                + (firstOrder < 0 ? "never" : (firstOrder - restarted) / 1000.0 + " s") + " after PostgreSQL was back";
        return verify(buyers, recovery, failures, false);
    }

    // ------------------------------------------------------------------ 5. duplicates and a poison message

    public Row duplicatesAndPoison() throws Exception {
        say("Scenario 5: every stored event delivered a second time, plus one poison message");
        List<String> failures = new ArrayList<>();
        awaitRest(Duration.ofMinutes(2), failures);
        String before = books();
        List<String[]> events = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select event_id::text, type, body from platform.outbox order by id")) {
            while (rs.next()) {
                events.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        String poisonId = "poison-" + UUID.randomUUID();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(stack.jmsUrl());
             JMSContext context = factory.createContext()) {
            Topic topic = context.createTopic("qm.events");
            JMSProducer producer = context.createProducer().setDeliveryMode(jakarta.jms.DeliveryMode.PERSISTENT);
            for (String[] event : events) {
                // No duplicate-detection id: the broker delivers it; only the consumers can tell.
                TextMessage message = context.createTextMessage(event[2]);
                message.setJMSType(event[1]);
                message.setStringProperty("eventId", event[0]);
                producer.send(topic, message);
            }
            TextMessage poison = context.createTextMessage("{\"this is\": \"not an event\"");
            poison.setJMSType("OrderPlaced");
            poison.setStringProperty("eventId", poisonId);
            producer.send(topic, poison);
        }
        say("  sent " + events.size() + " duplicates and poison message " + poisonId);
        long sent = System.currentTimeMillis();
        boolean parked = await(Duration.ofMinutes(2), () -> deadLetterListed(poisonId));
        long parkedAfter = System.currentTimeMillis() - sent;
        if (!parked) {
            failures.add("the poison message did not show up in the dead letters");
        }
        // The duplicates went out before the poison message; give the consumers a moment more for any still in hand.
        Thread.sleep(3000);
        awaitRest(Duration.ofMinutes(2), failures);
        String after = books();
        if (!before.equals(after)) {
            failures.add("the duplicates changed the books: before " + before + ", after " + after);
        }
        long violations = invariantViolations(failures);
        webhooksDelivered(failures);
        return new Row("5 duplicates + poison", events.size() + 1, 0, 0, 0, violations,
                "poison listed as dead letter after " + parkedAfter / 1000.0 + " s; books unchanged: " + before.equals(after),
                Map.of(), Map.of(), failures);
    }

    private boolean deadLetterListed(String eventId) {
        try {
            Api.Answer answer = api.call(urls.get(0), "GET", "/api/v1/admin/dead-letters", admin(), null, null);
            if (answer.status() != 200) {
                return false;
            }
            for (JsonValue v : answer.jsonArray()) {
                JsonObject letter = v.asJsonObject();
                if (eventId.equals(letter.getString("eventId", null))) {
                    return true;
                }
            }
            return false;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return false;
        }
    }

    /** Entries, lines and their totals, and consumed records: what a duplicate must not change. */
    private String books() throws SQLException {
        return "entries=" + queryLong("select count(*) from erp.journal_entry")
                + " debits=" + queryString("select coalesce(sum(debit), 0)::text from erp.journal_line")
                + " credits=" + queryString("select coalesce(sum(credit), 0)::text from erp.journal_line")
                + " consumed=" + queryLong("select count(*) from platform.consumed_event")
                + " onHand=" + queryLong("select coalesce(sum(on_hand), 0) from inventory.stock_level");
    }

    // ------------------------------------------------------------------ verification

    /**
     * Waits for rest, then matches the database with the clients' answers per Idempotency-Key:
     * lost = a 201 without its order; duplicated = a key with more than one order, or an
     * order for a key whose final answer was not 201. Then the invariant checker.
     */
    private Row verify(Buyers buyers, String recovery, List<String> failures, boolean holdsChecked) throws Exception {
        awaitRest(Duration.ofMinutes(3), failures);
        if (!holdsChecked) {
            awaitHoldsFreed(failures);
        }
        Map<String, Integer> ordersPerKey = new HashMap<>();
        String prefix = "chaos:" + buyers.scenario() + ":";
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             var s = c.prepareStatement("select customer_ref, count(*) from orders.customer_order "
                     + "where customer_ref like ? group by customer_ref")) {
            s.setString(1, prefix + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ordersPerKey.put(rs.getString(1).substring(prefix.length()), rs.getInt(2));
                }
            }
        }
        Set<String> accepted = buyers.acceptedKeys();
        int lost = (int) accepted.stream().filter(k -> !ordersPerKey.containsKey(k)).count();
        int duplicated = 0;
        for (Map.Entry<String, Integer> e : ordersPerKey.entrySet()) {
            duplicated += e.getValue() - 1;
            if (!accepted.contains(e.getKey())) {
                duplicated += 1;
            }
        }
        int orders = ordersPerKey.values().stream().mapToInt(Integer::intValue).sum();
        if (buyers.gaveUp() > 0) {
            failures.add(buyers.gaveUp() + " request(s) got no final answer within " + settings.patienceMillis() / 1000 + " s");
        }
        long unposted = queryLong("select count(*) from orders.customer_order o where not exists (select 1 from "
                + "platform.outbox e join erp.journal_entry j on j.source_event_id = e.event_id "
                + "where e.type = 'OrderPlaced' and e.body::jsonb -> 'payload' ->> 'orderId' = o.id::text) "
                + "and o.customer_ref like 'chaos:" + buyers.scenario() + ":%'");
        if (unposted > 0) {
            failures.add(unposted + " order(s) of this scenario without their journal entry");
        }
        long violations = invariantViolations(failures);
        webhooksDelivered(failures);
        String name = switch (buyers.scenario()) {
            case "s1" -> "1 three instances, last units";
            case "s2" -> "2 SIGKILL mid-load";
            case "s3" -> "3 broker down";
            case "s4" -> "4 PostgreSQL restart";
            default -> buyers.scenario();
        };
        return new Row(name, buyers.requests(), orders, lost, duplicated, violations, recovery, buyers.answers(),
                buyers.refusals(), failures);
    }

    private long invariantViolations(List<String> failures) {
        for (String url : urls) {
            try {
                JsonObject report = Check.fetch(url, "admin", adminPassword, 60);
                long violations = report.getJsonNumber("violations").longValue();
                if (violations > 0) {
                    Check.print(report, System.out);
                    failures.add(violations + " invariant violation(s)");
                }
                return violations;
            } catch (IOException | InterruptedException | RuntimeException e) {
                // try the next instance
            }
        }
        failures.add("no instance could run the invariant check");
        return -1;
    }

    /**
     * Every stored event reached the webhook receiver, signed: the webhooks consumer has consumed
     * each one, each has one delivery row and it is DELIVERED (waiting for retries and for the leases
     * of killed instances to run out), and the receiver got every one of them at least once.
     */
    private void webhooksDelivered(List<String> failures) throws InterruptedException {
        boolean done = await(Duration.ofMinutes(3), () -> {
            try {
                return queryLong("select count(*) from platform.outbox o where not exists (select 1 from "
                        + "platform.webhook_delivery d where d.event_id = o.event_id)") == 0
                        && queryLong("select count(*) from platform.webhook_delivery where status <> 'DELIVERED'") == 0;
            } catch (SQLException e) {
                return false;
            }
        });
        try {
            long events = queryLong("select count(*) from platform.outbox");
            long deliveries = queryLong("select count(*) from platform.webhook_delivery");
            Set<String> stored = new java.util.HashSet<>();
            try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select event_id::text from platform.outbox")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            Map<String, Integer> arrivals = receiver.arrivals();
            long missing = stored.stream().filter(id -> !arrivals.containsKey(id)).count();
            long repeated = arrivals.values().stream().filter(n -> n > 1).count();
            say("  webhooks: " + events + " events, " + deliveries + " deliveries, " + arrivals.size() + " received ("
                    + repeated + " more than once: at least once), " + missing + " missing, " + receiver.badSignatures()
                    + " bad signatures");
            if (!done) {
                failures.add("webhook deliveries not all DELIVERED after 180 s");
            }
            if (missing > 0) {
                failures.add(missing + " stored event(s) never reached the webhook receiver");
            }
            if (deliveries != events) {
                failures.add(deliveries + " webhook deliveries for " + events + " events (one each expected)");
            }
            if (receiver.badSignatures() > 0) {
                failures.add(receiver.badSignatures() + " webhook request(s) with a signature that did not verify");
            }
        } catch (SQLException e) {
            failures.add("could not check the webhook deliveries: " + e.getMessage());
        }
    }

    /** Until every event is published and the ERP has consumed every event it posts from; returns when. */
    private long awaitRest(Duration timeout, List<String> failures) throws InterruptedException {
        boolean rest = await(timeout, () -> {
            try {
                return queryLong("select count(*) from platform.outbox where published_at is null") == 0
                        && queryLong(ErpEvents.BACKLOG_SQL) == 0;
            } catch (SQLException e) {
                return false;
            }
        });
        if (!rest) {
            failures.add("events still in flight after " + timeout.toSeconds() + " s");
        }
        return System.currentTimeMillis();
    }

    /** Holds left behind (e.g. by a killed instance) expire and give their units back; returns how long that took. */
    private long awaitHoldsFreed(List<String> failures) throws InterruptedException {
        long started = System.currentTimeMillis();
        boolean freed = await(Duration.ofSeconds(HOLD_TTL_SECONDS + 60), () -> {
            try {
                return queryLong("select count(*) from inventory.hold where status = 'ACTIVE'") == 0
                        && queryLong("select coalesce(sum(reserved), 0) from inventory.stock_level") == 0;
            } catch (SQLException e) {
                return false;
            }
        });
        if (!freed) {
            failures.add("active holds or reserved units remain " + (HOLD_TTL_SECONDS + 60) + " s after the load");
        }
        return System.currentTimeMillis() - started;
    }

    private static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return condition.getAsBoolean();
    }

    private long queryLong(String sql) throws SQLException {
        return Long.parseLong(queryString(sql));
    }

    /** The first column of the first row, on a fresh connection (the database may have restarted in between). */
    private String queryString(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    // ------------------------------------------------------------------ report

    public static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | requests | orders | lost | duplicated | invariant violations | recovery | HTTP answers seen (retries included) | final refusals |\n");
        out.append("|---|---:|---:|---:|---:|---:|---|---|---|\n");
        for (Row r : rows) {
            out.append("| %s | %d | %d | %d | %d | %d | %s | %s | %s |%n".formatted(r.scenario(), r.requests(), r.orders(),
                    r.lost(), r.duplicated(), r.violations(), r.recovery(), r.answers().isEmpty() ? "-" : r.answers(),
                    r.refusals().isEmpty() ? "-" : r.refusals()));
        }
        for (Row r : rows) {
            r.failures().forEach(f -> out.append("FAILED ").append(r.scenario()).append(": ").append(f).append('\n'));
        }
        return out.toString();
    }

    public List<Row> runAll() throws Exception {
        return List.of(threeInstances(), kills(), brokerOutage(), databaseRestart(), duplicatesAndPoison());
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

    static void say(String line) {
        System.out.println("[chaos] " + line);
        System.out.flush();
    }
}
