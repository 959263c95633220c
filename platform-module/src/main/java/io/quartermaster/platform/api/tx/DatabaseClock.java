package io.quartermaster.platform.api.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The database's clock, for rules that several instances must agree on (hold expiry): each
 * instance's own clock may run ahead or behind, the database's is one for all of them.
 * Inside a transaction it answers the transaction's start time ({@code now()}), so every
 * decision of one transaction — one batch — uses the same instant.
 */
@ApplicationScoped
public class DatabaseClock {

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    public Instant now() {
        Object now = em.createNativeQuery("select now()").getSingleResult();
        if (now instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (now instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        throw new IllegalStateException("now() answered " + now.getClass().getSimpleName());
    }
}
