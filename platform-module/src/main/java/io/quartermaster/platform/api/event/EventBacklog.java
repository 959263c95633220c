package io.quartermaster.platform.api.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Events a consumer has not handled yet: stored in the outbox (published or not) with no
 * consumed record for that consumer. What explains a difference that is not zero "at rest".
 */
@ApplicationScoped
public class EventBacklog {

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    public record Pending(long count, Instant oldest) {
    }

    public Pending pending(String consumer, Collection<String> types) {
        Object[] row = (Object[]) em.createNativeQuery("select count(*), min(o.occurred_at) from platform.outbox o "
                        + "where o.type = any(?1) and not exists (select 1 from platform.consumed_event c "
                        + "where c.consumer = ?2 and c.event_id = o.event_id)")
                .setParameter(1, List.copyOf(types).toArray(String[]::new))
                .setParameter(2, consumer)
                .getSingleResult();
        Instant oldest = row[1] == null ? null : ((java.sql.Timestamp) row[1]).toInstant();
        return new Pending(((Number) row[0]).longValue(), oldest);
    }
}
