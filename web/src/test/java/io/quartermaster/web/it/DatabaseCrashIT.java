package io.quartermaster.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quartermaster.web.it.Http.Answer;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database failing under the API, as an operator meets it: a PostgreSQL backend killed with
 * SIGKILL (PostgreSQL then resets every session and recovers) and a full disk. A retry learns at
 * once whether the first attempt of its Idempotency-Key is alive, and the log says an outage
 * once, not once per request.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseCrashIT {

    /** InstanceLiveness.LOCK_SPACE: the advisory locks that say an instance is alive. */
    private static final long LIVENESS_LOCKS = 0x514D4944L;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.quartermaster();
    }

    @Test
    void aRetryAfterABackendCrashGetsTheRealOutcomeAtOnceNotStillRunning() throws Exception {
        Set<String> before = Invariants.violations();
        String sku = Shop.product("CRASH-", "Crash mug", "10.00", "0.2");
        Shop.receive(sku, 10, "2.00");
        String pos = Http.bearer(Shop.channelKey("crash-" + sku, "POS"));
        String body = "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"payment\":{\"token\":\"tok_crash\"}}";

        // 1. A key whose first attempt sold, then died before its answer was stored: its claim is in
        //    progress, stamped with the instance's liveness token (as the order's first batch left it).
        String stuck = "stuck-" + UUID.randomUUID();
        Answer first = Http.post("/api/v1/orders", body, pos, stuck);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        sql("update platform.idempotency_key set status = 'IN_PROGRESS', response_status = null, response_type = null, "
                + "response_body = null, owner = " + livenessToken() + " where key = '" + stuck + "'");
        Answer running = Http.post("/api/v1/orders", body, pos, stuck);
        assertThat(running.status()).as("the claiming instance lives: its request may still run").isEqualTo(409);
        assertThat(running.json().getString("title")).isEqualTo("Request in progress");

        // 2. A key whose first attempt is inside its stock batch, waiting for the stock row that this test locks.
        String midBatch = "mid-batch-" + UUID.randomUUID();
        Connection locker = TestServices.connect();
        locker.setAutoCommit(false);
        try (Statement s = locker.createStatement()) {
            s.execute("select 1 from inventory.stock_level where sku = '" + sku + "' for update");
        }
        CompletableFuture<Answer> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return Http.post("/api/v1/orders", body, pos, midBatch);
            } catch (Exception e) {
                return null;
            }
        });
        long victim = Poll.until(() -> TestServices.scalar("select coalesce(max(pid), 0) from pg_stat_activity where application_name = "
                + "'quartermaster' and wait_event_type = 'Lock'"), pid -> pid != 0, Duration.ofSeconds(10), "the batch waits");

        // 3. SIGKILL that backend: PostgreSQL resets every session (the liveness session too) and recovers.
        //    The test database commits asynchronously (for speed), so a crash could lose the last commits,
        //    the first sale among them; a checkpoint first makes it as durable as production always is.
        sql("checkpoint");
        ProcessHandle.of(victim).orElseThrow().destroyForcibly();
        long killed = System.nanoTime();
        try {
            locker.close();
        } catch (java.sql.SQLException e) {
            // reset with the rest
        }
        Answer interrupted = waiting.get();
        assertThat(interrupted == null || interrupted.status() == 503 || interrupted.status() == 201)
                .as("the interrupted attempt: no answer, 503 (outcome unknown) or its order, " + interrupted).isTrue();

        Answer retried = retryUntilFinal(body, pos, stuck);
        double stuckSeconds = (System.nanoTime() - killed) / 1e9;
        Answer retriedMidBatch = retryUntilFinal(body, pos, midBatch);
        double midBatchSeconds = (System.nanoTime() - killed) / 1e9;
        System.out.printf("DatabaseCrashIT: real outcome %.2f s (claim in progress) and %.2f s (mid-batch) after the kill%n",
                stuckSeconds, midBatchSeconds);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.json().getString("id")).as("the first attempt's order, not a second sale")
                .isEqualTo(first.json().getString("id"));
        assertThat(retriedMidBatch.status()).as(retriedMidBatch.toString()).isEqualTo(201);
        if (interrupted != null && interrupted.status() == 201) {
            assertThat(retriedMidBatch.json().getString("id")).isEqualTo(interrupted.json().getString("id"));
        }
        // The lease is 60 s: only the dead session's released lock explains an answer this soon.
        assertThat(midBatchSeconds).as("seconds from the kill to both real outcomes").isLessThan(20);
        assertThat(Http.get("/api/v1/stock/" + sku, Http.admin()).json().getInt("onHand")).as("two sales, each once")
                .isEqualTo(8);
        Poll.until(() -> Http.get("/health/ready", null).status(), status -> status == 200, Duration.ofSeconds(30),
                "ready again");
        Invariants.noneBeyond(before);
    }

    @Test
    void aFullDiskIsLoggedOnceWithASampleOfItsCausesNotAStackPerRequest() throws Exception {
        Set<String> before = Invariants.violations();
        String sku = Shop.product("FULL-", "Full-disk mug", "10.00", "0.2");
        Shop.receive(sku, 1000, "2.00");
        String pos = Http.bearer(Shop.channelKey("full-" + sku, "POS"));
        // PostgreSQL's answer when its disk is full (SQLSTATE 53100), for every order and receipt: an order's
        // first write is its key's claim, a receipt's its movement.
        sql("create or replace function public.it_full_disk() returns trigger language plpgsql as $$ begin "
                + "raise exception 'could not extend file \"base/16384/2619\": No space left on device' using errcode = '53100'; "
                + "end $$");
        assertThat(Http.post("/it/log/start", null, null).status()).isEqualTo(204);
        Map<Integer, Integer> answers = new TreeMap<>();
        try {
            sql("create trigger it_full_disk before insert on platform.idempotency_key for each row "
                    + "execute function public.it_full_disk()");
            sql("create trigger it_full_disk before insert on inventory.stock_movement for each row "
                    + "execute function public.it_full_disk()");
            AtomicBoolean stop = new AtomicBoolean();
            List<CompletableFuture<Map<Integer, Integer>>> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                boolean orders = c % 2 == 0;
                clients.add(CompletableFuture.supplyAsync(() -> {
                    Map<Integer, Integer> seen = new TreeMap<>();
                    while (!stop.get()) {
                        try {
                            Answer a = orders
                                    ? Http.post("/api/v1/orders", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],"
                                            + "\"payment\":{\"token\":\"tok_full\"}}", pos, UUID.randomUUID().toString())
                                    : Http.post("/api/v1/stock/receipts", "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\","
                                            + "\"quantity\":1,\"unitCost\":2}", Http.admin());
                            seen.merge(a.status(), 1, Integer::sum);
                        } catch (Exception e) {
                            seen.merge(0, 1, Integer::sum);
                        }
                    }
                    return seen;
                }));
            }
            Thread.sleep(6000);
            stop.set(true);
            for (CompletableFuture<Map<Integer, Integer>> client : clients) {
                client.get().forEach((status, n) -> answers.merge(status, n, Integer::sum));
            }
        } finally {
            sql("drop trigger if exists it_full_disk on platform.idempotency_key");
            sql("drop trigger if exists it_full_disk on inventory.stock_movement");
        }
        assertThat(Http.post("/api/v1/stock/receipts", "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantity\":1,"
                + "\"unitCost\":2}", Http.admin()).status()).as("space is back").isEqualTo(201);
        String log = Http.get("/it/log", null).body();
        Http.post("/it/log/stop", null, null);
        List<String> records = log.isEmpty() ? List.of() : List.of(log.split("\n"));
        int lines = records.stream().mapToInt(r -> Integer.parseInt(r.substring(0, r.indexOf('\t')))).sum();
        System.out.println("DatabaseCrashIT: 6 s of a full disk, " + answers + " answers, " + records.size()
                + " log records (" + lines + " lines):\n" + log);

        assertThat(answers.getOrDefault(503, 0)).as("the outage was real: " + answers).isGreaterThan(20);
        assertThat(answers.keySet()).as("503 with Retry-After, never a 500: " + answers).containsOnly(503);
        assertThat(records).filteredOn(r -> r.contains("Database unavailable: answering 503")).hasSize(1);
        assertThat(records).filteredOn(r -> r.contains("Database available again after")).hasSize(1)
                .allSatisfy(r -> assertThat(r).contains("No space left on device"));
        // Our two lines, a sample of at most three causes, and a line or two from background loops — not one per request.
        assertThat(records).as(log).hasSizeLessThanOrEqualTo(8);
        assertThat(lines).as("no stack traces: " + log).isLessThanOrEqualTo(2 * records.size());
        assertThat(Http.get("/api/v1/stock/" + sku, Http.admin()).json().getInt("onHand")).as("nothing half-written")
                .isEqualTo(1001);
        Invariants.noneBeyond(before);
    }

    private static Answer retryUntilFinal(String body, String authorization, String key) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            Answer answer = null;
            try {
                answer = Http.post("/api/v1/orders", body, authorization, key);
            } catch (java.io.IOException e) {
                // the server's connection to the database is being reset; the client tries again
            }
            boolean again = answer == null || answer.status() == 503 || answer.status() == 409;
            if (!again || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(200);
        }
    }

    /** The token of the running instance's liveness session. */
    private static long livenessToken() throws Exception {
        return TestServices.scalar("select l.objid::text::bigint from pg_locks l join pg_stat_activity a using (pid) where l.locktype = "
                + "'advisory' and l.classid = " + LIVENESS_LOCKS + " and a.application_name = 'quartermaster-liveness'");
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = TestServices.connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
