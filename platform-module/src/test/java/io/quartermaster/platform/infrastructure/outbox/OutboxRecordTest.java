package io.quartermaster.platform.infrastructure.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxRecordTest {

    @Test
    void failedSendsBackOffExponentiallyUpToFiveSeconds() throws Exception {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        OutboxRecord record = new OutboxRecord(UUID.randomUUID(), "Thing", 1, now, "{}");
        long[] expected = {1, 2, 4, 5, 5, 5};
        for (long seconds : expected) {
            record.failed("broker away", now);
            assertThat(nextAttempt(record)).isEqualTo(now.plus(Duration.ofSeconds(seconds)));
        }
    }

    @Test
    void publishingClearsTheError() throws Exception {
        Instant now = Instant.now();
        OutboxRecord record = new OutboxRecord(UUID.randomUUID(), "Thing", 1, now, "{}");
        record.failed("x".repeat(5000), now);
        assertThat(field(record, "lastError").toString()).hasSize(2000);
        record.published(now);
        assertThat(field(record, "lastError")).isNull();
        assertThat(field(record, "publishedAt")).isEqualTo(now);
    }

    private static Instant nextAttempt(OutboxRecord record) throws Exception {
        return (Instant) field(record, "nextAttemptAt");
    }

    private static Object field(OutboxRecord record, String name) throws Exception {
        var field = OutboxRecord.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(record);
    }
}
