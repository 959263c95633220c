package io.quartermaster.platform.infrastructure.outbox;

import io.quartermaster.platform.api.tx.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * One relay pass in one short transaction. Rows are claimed with {@code FOR UPDATE SKIP
 * LOCKED}, so relays on several instances share the backlog instead of sending the same
 * row twice; if this instance dies after sending but before commit, the row is sent again
 * with the same duplicate-detection id and the broker drops the copy.
 */
@ApplicationScoped
public class OutboxBatch {

    static final int BATCH_SIZE = 200;

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    DatabaseClock databaseClock;

    @Inject
    io.quartermaster.platform.infrastructure.webhook.WebhookFanOut webhooks;

    /**
     * Publishes the due events (up to {@link #BATCH_SIZE}, in id order) as one unit: {@code
     * publisher} sends them all and commits its JMS session, or throws and none counts as sent.
     * Then they are marked published with one statement, and their webhook deliveries queued with
     * another ({@code WebhookFanOut}). A crash between the broker's commit and
     * this transaction's sends them again with the same duplicate-detection ids: the broker drops
     * the copies.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Result relay(Consumer<List<OutboxRecord>> publisher) {
        @SuppressWarnings("unchecked")
        List<OutboxRecord> due = em.createNativeQuery(
                        "select * from platform.outbox where published_at is null and next_attempt_at <= now() "
                                + "order by id limit " + BATCH_SIZE + " for update skip locked", OutboxRecord.class)
                .getResultList();
        if (due.isEmpty()) {
            return new Result(0, false);
        }
        try {
            publisher.accept(due);
        } catch (RuntimeException e) {
            Instant now = databaseClock.now();
            String error = describe(e);
            due.forEach(unsent -> unsent.failed(error, now));
            return new Result(0, true);
        }
        Long[] ids = due.stream().map(OutboxRecord::id).toArray(Long[]::new);
        em.createNativeQuery("update platform.outbox set published_at = now(), last_error = null where id = any(?1)")
                .setParameter(1, ids)
                .executeUpdate();
        webhooks.queue(List.of(ids));
        return new Result(due.size(), false);
    }

    /** Published events are kept a while for inspection, then removed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgePublishedBefore(Instant cutoff) {
        return em.createNativeQuery("delete from platform.outbox where published_at < ?1")
                .setParameter(1, java.sql.Timestamp.from(cutoff))
                .executeUpdate();
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 500; t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return sb.toString();
    }

    public record Result(int sent, boolean failed) {
    }
}
