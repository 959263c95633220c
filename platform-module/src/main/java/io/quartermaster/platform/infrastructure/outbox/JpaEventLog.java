package io.quartermaster.platform.infrastructure.outbox;

import io.quartermaster.platform.api.check.InvariantCheck;
import io.quartermaster.platform.api.event.EventEnvelope;
import io.quartermaster.platform.api.event.EventLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** {@link EventLog} over {@code platform.outbox} and {@code platform.consumed_event}. */
@ApplicationScoped
public class JpaEventLog implements EventLog {

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Override
    public void forEachStored(Collection<String> types, java.util.function.Consumer<List<EventEnvelope>> page) {
        String[] typeArray = List.copyOf(types).toArray(String[]::new);
        long after = Long.MIN_VALUE;
        while (true) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, body from platform.outbox where type = any(?1) and id > ?2 "
                            + "order by id limit " + PAGE)
                    .setParameter(1, typeArray)
                    .setParameter(2, after)
                    .getResultList();
            if (rows.isEmpty()) {
                return;
            }
            List<EventEnvelope> events = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                events.add(EventEnvelope.fromJson((String) row[1]));
            }
            page.accept(events);
            after = ((Number) rows.get(rows.size() - 1)[0]).longValue();
            em.clear();
            if (rows.size() < PAGE) {
                return;
            }
        }
    }

    @Override
    public Set<UUID> consumedAmong(String consumer, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select event_id::text from platform.consumed_event "
                        + "where consumer = ?1 and event_id = any(cast(?2 as uuid[]))")
                .setParameter(1, consumer)
                .setParameter(2, eventIds.stream().map(UUID::toString).toArray(String[]::new))
                .getResultList();
        Set<UUID> ids = new HashSet<>(rows.size() * 2);
        rows.forEach(id -> ids.add(UUID.fromString((String) id)));
        return ids;
    }

    @Override
    public Instant retainedSince() {
        Object oldest = em.createNativeQuery("select min(occurred_at) from platform.outbox").getSingleResult();
        return oldest == null ? null : ((Timestamp) oldest).toInstant();
    }

    @Override
    public InvariantCheck unpublishedCheck(Duration threshold, Instant now) {
        Object[] counts = (Object[]) em.createNativeQuery("select count(*), count(*) filter (where published_at is null) "
                + "from platform.outbox").getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> stuck = em.createNativeQuery("select event_id::text, type, occurred_at, attempts, last_error "
                        + "from platform.outbox where published_at is null and occurred_at < ?1 order by id limit "
                        + (InvariantCheck.MAX_LISTED + 1))
                .setParameter(1, Timestamp.from(now.minus(threshold)))
                .getResultList();
        List<InvariantCheck.Violation> violations = new ArrayList<>();
        for (Object[] row : stuck) {
            Map<String, Object> involved = new LinkedHashMap<>();
            involved.put("eventId", row[0]);
            involved.put("type", row[1]);
            involved.put("occurredAt", ((Timestamp) row[2]).toInstant().toString());
            involved.put("attempts", ((Number) row[3]).intValue());
            involved.put("lastError", row[4]);
            violations.add(new InvariantCheck.Violation("unpublished for longer than " + threshold.toSeconds() + " s", involved));
        }
        return new InvariantCheck("platform", "no event waits in the outbox longer than " + threshold.toSeconds() + " s",
                ((Number) counts[0]).longValue(), violations);
    }

    @Override
    public Map<String, Object> backlog(Instant now) {
        Object[] row = (Object[]) em.createNativeQuery("select count(*), min(occurred_at) from platform.outbox "
                + "where published_at is null").getSingleResult();
        Map<String, Object> backlog = new LinkedHashMap<>();
        backlog.put("unpublished", ((Number) row[0]).longValue());
        backlog.put("oldestUnpublished", row[1] == null ? null : ((Timestamp) row[1]).toInstant().toString());
        return backlog;
    }

    @Override
    public Pending pending(String consumer, Collection<String> types) {
        Object[] row = (Object[]) em.createNativeQuery("select count(*), min(o.occurred_at) from platform.outbox o "
                        + "where o.type = any(?1) and not exists (select 1 from platform.consumed_event c "
                        + "where c.consumer = ?2 and c.event_id = o.event_id)")
                .setParameter(1, List.copyOf(types).toArray(String[]::new))
                .setParameter(2, consumer)
                .getSingleResult();
        Instant oldest = row[1] == null ? null : ((Timestamp) row[1]).toInstant();
        return new Pending(((Number) row[0]).longValue(), oldest);
    }
}
