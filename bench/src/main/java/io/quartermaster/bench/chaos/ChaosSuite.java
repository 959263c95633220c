package io.quartermaster.bench.chaos;

import io.quartermaster.bench.client.Api;
import io.quartermaster.launcher.Stack;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private final Cluster cluster;
    private final Verification check;

    public ChaosSuite(Settings settings) {
        this.settings = settings;
        this.cluster = new Cluster(settings);
        this.check = new Verification(cluster, settings);
    }

    public void setUp() throws Exception {
        cluster.start();
    }

    // ------------------------------------------------------------------ 1. three instances, last units

    public Row threeInstances() throws Exception {
        String scenario = "s1";
        say("Scenario 1: " + settings.hotBuyers() + " buyers for 10 units over " + INSTANCES + " instances");
        cluster.product("CHAOS-HOT", 10);
        Buyers buyers = new Buyers(cluster.api(), cluster::ready, cluster.channelKeys(), scenario, settings.patienceMillis());
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
        return check.verify(buyers, "-", failures, false);
    }

    // ------------------------------------------------------------------ 2. SIGKILL mid-load

    public Row kills() throws Exception {
        String scenario = "s2";
        say("Scenario 2: load for " + settings.killLoadSeconds() + " s, " + settings.kills()
                + " SIGKILL(s) of a random instance at random moments, each victim restarted after its round");
        Buyers buyers = new Buyers(cluster.api(), cluster::ready, cluster.channelKeys(), scenario, settings.patienceMillis());
        long window = settings.killLoadSeconds() * 1000L / settings.kills();
        List<Long> restartMillis = new ArrayList<>();
        for (int k = 0; k < settings.kills(); k++) {
            // A round: load for the window, one SIGKILL at a random moment in it; then the victim is restarted
            // with the load paused (on 2 cores a Payara Micro deploy under full load does not finish in minutes).
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = buyers.start(settings.clients(), cluster.loadSkus(), stop);
            long roundStarted = System.currentTimeMillis();
            Thread.sleep(2000 + ThreadLocalRandom.current().nextLong(Math.max(1, window - 4000)));
            int index = 1 + ThreadLocalRandom.current().nextInt(INSTANCES);
            Stack.Instance victim = cluster.stack().instance(index);
            say("  SIGKILL instance " + index + " (pid " + victim.pid() + ") after " + buyers.requests() + " requests");
            // The load balancer stops sending new requests to it; those in flight there die with it.
            cluster.ready().remove(cluster.urls().get(index - 1));
            cluster.stack().kill(victim);
            long killed = System.currentTimeMillis();
            Thread.sleep(Math.max(0, roundStarted + window - System.currentTimeMillis()));
            stop.set(true);
            Buyers.join(threads);
            Stack.Instance again = cluster.stack().startInstance(index, victim.port(), Cluster.instanceEnv(index));
            if (!Stack.awaitReady(again, Duration.ofMinutes(5))) {
                throw new IllegalStateException("instance " + index + " did not come back; see its log");
            }
            restartMillis.add(System.currentTimeMillis() - killed);
            cluster.ready().add(cluster.urls().get(index - 1));
            say("  instance " + index + " serving again " + (System.currentTimeMillis() - killed) + " ms after the kill");
        }
        long slowest = buyers.outcomes().stream().mapToLong(Buyers.Outcome::millis).max().orElse(0);
        List<String> failures = new ArrayList<>();
        buyers.checkNoLongWaitForADeadAttempt(failures);
        long holdsFreed = check.awaitHoldsFreed(failures);
        String recovery = "killed→serving again " + restartMillis + " ms; slowest request " + slowest / 1000.0
                + " s; longest 'in progress' " + buyers.longestInProgressMillis() / 1000.0 + " s; holds freed "
                + holdsFreed / 1000.0 + " s after load";
        return check.verify(buyers, recovery, failures, true);
    }

    // ------------------------------------------------------------------ 3. broker outage

    public Row brokerOutage() throws Exception {
        String scenario = "s3";
        say("Scenario 3: broker stopped for " + settings.brokerOutageSeconds() + " s under load");
        Buyers buyers = new Buyers(cluster.api(), cluster::ready, cluster.channelKeys(), scenario, settings.patienceMillis());
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = buyers.start(settings.clients(), cluster.loadSkus(), stop);
        Thread.sleep(3000);
        cluster.stack().stopBroker();
        long stopped = System.currentTimeMillis();
        Thread.sleep(settings.brokerOutageSeconds() * 1000L);
        cluster.stack().startBroker();
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
        long drained = check.awaitRest(Duration.ofMinutes(3), failures) - restarted;
        long journal = check.queryLong("select count(*) from erp.journal_entry where source_type = 'OrderPlaced'");
        long orders = check.queryLong("select count(*) from orders.customer_order");
        if (journal != orders) {
            failures.add("journal entries for OrderPlaced " + journal + " ≠ orders " + orders);
        }
        return check.verify(buyers, takenDuringOutage + " orders during the outage; outbox drained and books posted "
                + drained / 1000.0 + " s after the broker came back", failures, false);
    }

    // ------------------------------------------------------------------ 4. PostgreSQL restart

    public Row databaseRestart() throws Exception {
        String scenario = "s4";
        say("Scenario 4: PostgreSQL stopped for " + settings.databaseOutageSeconds() + " s under load, then started again");
        Buyers buyers = new Buyers(cluster.api(), cluster::ready, cluster.channelKeys(), scenario, settings.patienceMillis());
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = buyers.start(settings.clients(), cluster.loadSkus(), stop);
        Thread.sleep(3000);
        cluster.stack().stopDatabase();
        say("  PostgreSQL stopped");
        Thread.sleep(settings.databaseOutageSeconds() * 1000L);
        cluster.stack().startDatabase();
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
        buyers.checkNoLongWaitForADeadAttempt(failures);
        Map<Integer, Integer> seen = buyers.answers();
        seen.keySet().stream().filter(s -> s >= 500 && s != 503)
                .forEach(s -> failures.add(seen.get(s) + " answers with status " + s + " (only clean 503s are allowed)"));
        if (seen.getOrDefault(503, 0) == 0 && buyers.unanswered() == 0) {
            failures.add("the outage was not noticed by any client (no 503, no failed request)");
        }
        String recovery = seen.getOrDefault(503, 0) + " × 503, " + buyers.unanswered() + " without answer; first order "
                + (firstOrder < 0 ? "never" : (firstOrder - restarted) / 1000.0 + " s") + " after PostgreSQL was back";
        return check.verify(buyers, recovery, failures, false);
    }

    // ------------------------------------------------------------------ 5. duplicates and a poison message

    public Row duplicatesAndPoison() throws Exception {
        say("Scenario 5: every stored event delivered a second time, plus one poison message");
        List<String> failures = new ArrayList<>();
        check.awaitRest(Duration.ofMinutes(2), failures);
        String before = check.books();
        List<String[]> events = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select event_id::text, type, body from platform.outbox order by id")) {
            while (rs.next()) {
                events.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        String poisonId = "poison-" + UUID.randomUUID();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(cluster.stack().jmsUrl());
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
        boolean parked = Verification.await(Duration.ofMinutes(2), () -> deadLetterListed(poisonId));
        long parkedAfter = System.currentTimeMillis() - sent;
        if (!parked) {
            failures.add("the poison message did not show up in the dead letters");
        }
        // The duplicates went out before the poison message; give the consumers a moment more for any still in hand.
        Thread.sleep(3000);
        check.awaitRest(Duration.ofMinutes(2), failures);
        String after = check.books();
        if (!before.equals(after)) {
            failures.add("the duplicates changed the books: before " + before + ", after " + after);
        }
        long violations = check.invariantViolations(failures);
        check.webhooksDelivered(failures);
        return new Row("5 duplicates + poison", events.size() + 1, 0, 0, 0, violations,
                "poison listed as dead letter after " + parkedAfter / 1000.0 + " s; books unchanged: " + before.equals(after),
                Map.of(), Map.of(), failures);
    }

    private boolean deadLetterListed(String eventId) {
        try {
            Api.Answer answer = cluster.api().call(cluster.urls().get(0), "GET", "/api/v1/admin/dead-letters", cluster.admin(), null, null);
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
        return List.of(threeInstances(), kills(), brokerOutage(), databaseRestart(), duplicatesAndPoison(),
                new RegisterFaults(cluster, check).run());
    }

    @Override
    public void close() {
        cluster.close();
    }

    static void say(String line) {
        System.out.println("[chaos] " + line);
        System.out.flush();
    }
}
