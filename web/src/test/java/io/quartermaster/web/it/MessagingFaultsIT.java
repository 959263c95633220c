package io.quartermaster.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quartermaster.web.it.probe.ProbeConsumer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box tests of what happens when messaging goes wrong: the broker stops (events wait
 * in the outbox, nothing is lost, nothing doubled) and a message keeps failing (dead-letter
 * address, listed by the admin API, retried or discarded there).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MessagingFaultsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.quartermaster();
    }

    @Test
    void whileTheBrokerIsDownTransactionsCommitAndEveryEventArrivesOnceItIsBack() throws Exception {
        awaitReady();
        TestServices.broker().stop();
        List<UUID> ids;
        try {
            Poll.until(() -> Http.get("/health/ready", null).status(), s -> s == 503, Duration.ofSeconds(20),
                    "readiness to report the broker down");
            ids = publish(20, "outage");
            assertThat(ids).hasSize(20);
            assertThat(count("select count(*) from platform.outbox where published_at is null and event_id = any(?)", ids))
                    .as("events wait in the outbox while the broker is away").isEqualTo(20);
            Thread.sleep(2000);
            assertThat(effects(ids)).as("nothing can have arrived").isEmpty();
        } finally {
            TestServices.broker().start();
        }

        Poll.until(() -> effects(ids).size(), n -> n == 20, Duration.ofSeconds(60), "all 20 events after the outage");
        Thread.sleep(1500);
        assertThat(effects(ids).values()).as("each exactly once").containsOnly(1);
        awaitReady();
    }

    @Test
    void aPoisonMessageIsDeadLetteredListedAndCanBeRetriedOrDiscarded() throws Exception {
        awaitReady();
        UUID first = publish(1, "poison-a").get(0);
        UUID second = publish(1, "poison-b").get(0);

        JsonObject letterA = awaitDeadLetter(first);
        JsonObject letterB = awaitDeadLetter(second);
        assertThat(letterA.getString("consumer")).isEqualTo(ProbeConsumer.CONSUMER);
        assertThat(letterA.getString("type")).isEqualTo("ProbePinged");
        assertThat(letterA.getString("error")).contains("poison pill poison-a");
        assertThat(letterA.getInt("attempts")).isGreaterThanOrEqualTo(TestServices.MAX_DELIVERY_ATTEMPTS);
        assertThat(effects(List.of(first, second))).as("a failed handling leaves no effect").isEmpty();

        // Discard one: gone from the list, never handled.
        assertThat(Http.delete("/api/v1/admin/dead-letters/" + letterB.getString("id"), Http.admin()).status()).isEqualTo(204);
        assertThat(deadLetter(second)).isEmpty();
        assertThat(Http.delete("/api/v1/admin/dead-letters/" + letterB.getString("id"), Http.admin()).status()).isEqualTo(404);

        // Fix the cause, retry the other: handled exactly once.
        assertThat(Http.post("/it/probe/cure", null, null).status()).isEqualTo(204);
        assertThat(Http.post("/api/v1/admin/dead-letters/" + letterA.getString("id") + "/retry", null, Http.admin()).status())
                .isEqualTo(200);
        Poll.until(() -> effects(List.of(first)).size(), n -> n == 1, Duration.ofSeconds(30), "the retried event");
        assertThat(deadLetter(first)).isEmpty();
        Thread.sleep(1000);
        assertThat(effects(List.of(first, second))).isEqualTo(Map.of(first, 1));
    }

    @Test
    void aPoisonMessageAmongABacklogIsDeadLetteredAloneAndEveryOtherEventTakesEffectOnce() throws Exception {
        awaitReady();
        assertThat(Http.post("/it/probe/poison", null, null).status()).as("poison messages fail again").isEqualTo(204);
        // A backlog built while the broker is away reaches the consumer together: batches of many.
        TestServices.broker().stop();
        List<UUID> fine = new java.util.ArrayList<>();
        UUID poison;
        try {
            Poll.until(() -> Http.get("/health/ready", null).status(), s -> s == 503, Duration.ofSeconds(20),
                    "readiness to report the broker down");
            fine.addAll(publish(40, "backlog-a"));
            poison = publish(1, "poison-in-batch").get(0);
            fine.addAll(publish(40, "backlog-b"));
        } finally {
            TestServices.broker().start();
        }
        Poll.until(() -> effects(fine).size(), n -> n == 80, Duration.ofSeconds(60), "the 80 good events");
        JsonObject letter = awaitDeadLetter(poison);
        assertThat(letter.getString("error")).contains("poison pill poison-in-batch");
        Thread.sleep(1500);
        assertThat(effects(fine).values()).as("each good event exactly once").containsOnly(1);
        assertThat(effects(List.of(poison))).isEmpty();
        // Only the poison message is a dead letter: its neighbours in the failed batch were posted.
        Http.Answer letters = Http.get("/api/v1/admin/dead-letters", Http.admin());
        assertThat(letters.array().stream().map(JsonObject.class::cast)
                .filter(o -> fine.contains(UUID.fromString(o.getString("eventId", UUID.randomUUID().toString())))))
                .isEmpty();
        assertThat(Http.delete("/api/v1/admin/dead-letters/" + letter.getString("id"), Http.admin()).status()).isEqualTo(204);
        awaitReady();
    }

    @Test
    void deadLettersAreForAdminsOnly() throws Exception {
        assertThat(Http.get("/api/v1/admin/dead-letters", null).status()).isEqualTo(401);
        String user = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Http.post("/api/v1/admin/users", """
                {"username":"%s","password":"a-long-enough-password","roles":["STAFF"]}""".formatted(user), Http.admin())
                .status()).isEqualTo(201);
        assertThat(Http.get("/api/v1/admin/dead-letters", Http.basic(user, "a-long-enough-password")).status()).isEqualTo(403);
        assertThat(Http.post("/api/v1/admin/dead-letters/" + UUID.randomUUID() + "/retry", null, Http.admin()).status())
                .isEqualTo(404);
    }

    private static JsonObject awaitDeadLetter(UUID eventId) throws Exception {
        return Poll.until(() -> deadLetter(eventId), Optional::isPresent, Duration.ofSeconds(30),
                "dead letter for " + eventId).orElseThrow();
    }

    private static Optional<JsonObject> deadLetter(UUID eventId) throws Exception {
        Http.Answer answer = Http.get("/api/v1/admin/dead-letters", Http.admin());
        assertThat(answer.status()).isEqualTo(200);
        return answer.array().stream()
                .map(JsonObject.class::cast)
                .filter(o -> eventId.toString().equals(o.getString("eventId", null)))
                .findFirst();
    }

    private static void awaitReady() throws Exception {
        Poll.until(() -> Http.get("/health/ready", null).status(), s -> s == 200, Duration.ofSeconds(60), "readiness");
    }

    private static List<UUID> publish(int count, String note) throws Exception {
        Http.Answer answer = Http.post("/it/probe/publish?count=" + count + "&note=" + note, null, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return Arrays.stream(answer.body().split("\n")).map(UUID::fromString).toList();
    }

    private static Map<UUID, Integer> effects(List<UUID> ids) throws Exception {
        try (Connection c = TestServices.connect()) {
            return ProbeEffects.of(c, ids);
        }
    }

    private static long count(String sql, List<UUID> ids) throws Exception {
        try (Connection c = TestServices.connect()) {
            return ProbeEffects.count(c, sql, ids);
        }
    }
}
