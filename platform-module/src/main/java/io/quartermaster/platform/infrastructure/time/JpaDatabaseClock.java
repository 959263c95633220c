package io.quartermaster.platform.infrastructure.time;

import io.quartermaster.platform.api.tx.DatabaseClock;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** {@link DatabaseClock} as PostgreSQL's {@code now()}, remembered for the rest of the transaction. */
@ApplicationScoped
public class JpaDatabaseClock implements DatabaseClock {

    private static final Object KEY = JpaDatabaseClock.class.getName();

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry registry;

    /**
     * Asked once per transaction: a stock batch asks in the orders module and again in the
     * inventory, and {@code now()} answers the same within one transaction.
     */
    @Override
    public Instant now() {
        boolean inTransaction = registry.getTransactionStatus() == Status.STATUS_ACTIVE;
        if (inTransaction && registry.getResource(KEY) instanceof Instant known) {
            return known;
        }
        Object answer = em.createNativeQuery("select now()").getSingleResult();
        Instant now;
        if (answer instanceof Timestamp timestamp) {
            now = timestamp.toInstant();
        } else if (answer instanceof OffsetDateTime time) {
            now = time.toInstant();
        } else {
            throw new IllegalStateException("now() answered " + answer.getClass().getSimpleName());
        }
        if (inTransaction) {
            registry.putResource(KEY, now);
        }
        return now;
    }
}
