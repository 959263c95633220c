package io.quartermaster.platform.infrastructure.webhook;

import io.quartermaster.platform.api.event.EventEnvelope;
import io.quartermaster.platform.api.event.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;

/**
 * The webhooks' consumer of every event: for each event a batch brings, one delivery row per
 * active subscription to its type, and the envelope's text once (what every attempt sends) —
 * one statement, in the consumer's transaction that records the events as consumed. So a
 * delivery is queued exactly once per event and subscription, survives any restart, and an
 * event that no subscription wants leaves nothing behind.
 */
@ApplicationScoped
public class WebhookFanOut implements EventHandler {

    static final String CONSUMER = "webhooks";

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    Event<WebhooksQueued> queued;

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(ALL_TYPES);
    }

    @Override
    public void handle(EventEnvelope event) {
        handleAll(List.of(event));
    }

    @Override
    public void handleAll(List<EventEnvelope> events) {
        int deliveries = em.createNativeQuery("with e as (select u.event_id::uuid as event_id, u.event_type, u.body, u.n "
                        + "from unnest(?1, ?2, ?3) with ordinality as u(event_id, event_type, body, n)), "
                        + "m as (select s.id as subscription_id, e.event_id, e.n from e join platform.webhook_subscription s "
                        + "on s.active and (e.event_type = any(s.event_types) or '*' = any(s.event_types))), "
                        + "stored as (insert into platform.webhook_event (event_id, event_type, body) "
                        + "select e.event_id, e.event_type, e.body from e where e.event_id in (select event_id from m) "
                        + "on conflict do nothing) "
                        + "insert into platform.webhook_delivery (subscription_id, event_id) "
                        + "select subscription_id, event_id from m order by n, subscription_id on conflict do nothing")
                .setParameter(1, events.stream().map(e -> e.eventId().toString()).toArray(String[]::new))
                .setParameter(2, events.stream().map(EventEnvelope::type).toArray(String[]::new))
                .setParameter(3, events.stream().map(EventEnvelope::toJson).toArray(String[]::new))
                .executeUpdate();
        if (deliveries > 0) {
            queued.fire(new WebhooksQueued());
        }
    }
}
