package io.quartermaster.platform.infrastructure.messaging;

import io.quartermaster.platform.api.event.EventEnvelope;
import io.quartermaster.platform.api.event.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The idempotent half of a consumer: the record {@code (consumer, eventId)} and the
 * handlers' effects commit in one database transaction. A second delivery finds the
 * record and does nothing; two deliveries racing on two instances serialize on the
 * primary key, and the loser sees zero rows inserted.
 */
@ApplicationScoped
public class ConsumedEvents {

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    /** @return false when this consumer had already handled the event */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean handleOnce(String consumer, EventEnvelope event, List<EventHandler> handlers) {
        int inserted = em.createNativeQuery(
                        "insert into platform.consumed_event (consumer, event_id, event_type) values (?1, ?2, ?3) "
                                + "on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, event.eventId())
                .setParameter(3, event.type())
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        for (EventHandler handler : handlers) {
            handler.handle(event);
        }
        em.createNativeQuery("delete from platform.delivery_failure where consumer = ?1 and event_id = ?2")
                .setParameter(1, consumer)
                .setParameter(2, event.eventId().toString())
                .executeUpdate();
        return true;
    }

    /**
     * The batched form of {@link #handleOnce}: the events' consumed records are inserted with
     * one statement, and those that were new (not handled before, nor earlier in this batch) are
     * handed to each interested handler as one list, in arrival order
     * ({@link EventHandler#handleAll}) — all in one database transaction.
     *
     * @return how many events had an effect
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int handleAll(String consumer, List<EventEnvelope> events, List<EventHandler> handlers) {
        if (events.size() == 1) {
            EventEnvelope event = events.get(0);
            return handleOnce(consumer, event, interested(handlers, event)) ? 1 : 0;
        }
        @SuppressWarnings("unchecked")
        List<Object> inserted = em.createNativeQuery(
                        "insert into platform.consumed_event (consumer, event_id, event_type) "
                                + "select ?1, e::uuid, t from unnest(?2, ?3) as u(e, t) on conflict do nothing "
                                + "returning event_id::text")
                .setParameter(1, consumer)
                .setParameter(2, events.stream().map(e -> e.eventId().toString()).toArray(String[]::new))
                .setParameter(3, events.stream().map(EventEnvelope::type).toArray(String[]::new))
                .getResultList();
        java.util.Set<String> fresh = new java.util.HashSet<>();
        inserted.forEach(id -> fresh.add(String.valueOf(id)));
        List<EventEnvelope> applied = new java.util.ArrayList<>();
        for (EventEnvelope event : events) {
            // remove: the same event twice in one batch has one effect
            if (fresh.remove(event.eventId().toString())) {
                applied.add(event);
            }
        }
        for (EventHandler handler : handlers) {
            List<EventEnvelope> mine = applied.stream().filter(e -> handler.eventTypes().contains(e.type())).toList();
            if (!mine.isEmpty()) {
                handler.handleAll(mine);
            }
        }
        int handled = applied.size();
        em.createNativeQuery("delete from platform.delivery_failure where consumer = ?1 and event_id = any(?2)")
                .setParameter(1, consumer)
                .setParameter(2, events.stream().map(e -> e.eventId().toString()).toArray(String[]::new))
                .executeUpdate();
        return handled;
    }

    private static List<EventHandler> interested(List<EventHandler> handlers, EventEnvelope event) {
        return handlers.stream().filter(h -> h.eventTypes().contains(event.type())).toList();
    }

    /** Remembers why a delivery failed, outside the failed transaction, for the dead-letter view. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(String consumer, String eventId, String type, String error) {
        em.createNativeQuery(
                        "insert into platform.delivery_failure (consumer, event_id, event_type, attempts, last_error) "
                                + "values (?1, ?2, ?3, 1, ?4) on conflict (consumer, event_id) do update set "
                                + "attempts = platform.delivery_failure.attempts + 1, last_error = excluded.last_error, "
                                + "last_failed_at = now()")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, type)
                .setParameter(4, error)
                .executeUpdate();
    }
}
