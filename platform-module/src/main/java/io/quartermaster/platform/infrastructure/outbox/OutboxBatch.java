package io.quartermaster.platform.infrastructure.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import io.quartermaster.platform.api.tx.DatabaseClock;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
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
    Clock clock;

    @Inject
    DatabaseClock databaseClock;

    /** Sends due events in id order; stops at the first failure so later events do not overtake it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Result relay(Consumer<OutboxRecord> sender) {
        @SuppressWarnings("unchecked")
        List<OutboxRecord> due = em.createNativeQuery(
                        "select * from platform.outbox where published_at is null and next_attempt_at <= now() "
                                + "order by id limit " + BATCH_SIZE + " for update skip locked", OutboxRecord.class)
                .getResultList();
        int sent = 0;
        for (OutboxRecord record : due) {
            try {
                sender.accept(record);
            } catch (RuntimeException e) {
                Instant now = databaseClock.now();
                for (OutboxRecord unsent : due.subList(sent, due.size())) {
                    unsent.failed(describe(e), now);
                }
                return new Result(sent, true);
            }
            record.published(clock.instant());
            sent++;
        }
        return new Result(sent, false);
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
