package io.quartermaster.platform.infrastructure.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One stored event waiting for, or done with, publication to the broker. */
@Entity
@Table(name = "outbox", schema = "platform")
public class OutboxRecord {

    /** From the column's sequence, 50 ids per round trip (the sequence increments by 50). */
    @Id
    @SequenceGenerator(name = "outbox_id", sequenceName = "platform.outbox_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_id")
    private Long id;

    @Column(name = "event_id", nullable = false, updatable = false)
    private UUID eventId;

    @Column(nullable = false, updatable = false)
    private String type;

    @Column(nullable = false, updatable = false)
    private int version;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(nullable = false)
    private int attempts;

    /** Due now, by the database's clock, when written (the column's default): not by the writer's clock. */
    @Column(name = "next_attempt_at", nullable = false, insertable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    protected OutboxRecord() {
    }

    OutboxRecord(UUID eventId, String type, int version, Instant occurredAt, String body) {
        this.eventId = eventId;
        this.type = type;
        this.version = version;
        this.occurredAt = occurredAt;
        this.body = body;
    }

    void published(Instant at) {
        publishedAt = at;
        lastError = null;
    }

    /**
     * Backs off exponentially (1 s, 2 s, 4 s, then every 5 s) so an outage is not hammered yet ends
     * quickly; {@code now} is the database's clock, which every relay compares with.
     */
    void failed(String error, Instant now) {
        attempts++;
        lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 2000));
        long seconds = Math.min(5, 1L << Math.min(attempts - 1, 5));
        nextAttemptAt = now.plus(Duration.ofSeconds(seconds));
    }

    public Long id() {
        return id;
    }

    public UUID eventId() {
        return eventId;
    }

    public String type() {
        return type;
    }

    public String body() {
        return body;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
