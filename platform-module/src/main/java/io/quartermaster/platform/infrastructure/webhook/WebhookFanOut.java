package io.quartermaster.platform.infrastructure.webhook;

import io.quartermaster.platform.domain.webhook.WebhooksQueued;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Queues webhook deliveries for the events a relay pass has just published: one delivery row
 * per event and active subscription to its type, and the envelope's text once (what every
 * attempt sends), in one statement inside the relay's transaction that marks the events
 * published. So a delivery exists exactly once per event and subscription (a pass sent again
 * after a crash finds its rows there), survives any restart, comes from the stored event and
 * costs one cheap statement per pass when no one subscribes. Deliveries follow the outbox order.
 */
@ApplicationScoped
public class WebhookFanOut {

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    Event<WebhooksQueued> queued;

    /** In the caller's transaction: deliveries for these outbox rows; how many were queued. */
    public int queue(List<Long> outboxIds) {
        int deliveries = em.createNativeQuery("with e as (select o.id, o.event_id, o.type, o.body from platform.outbox o "
                        // evaluated once: with no active subscription the pass's rows are not read again
                        + "where o.id = any(?1) and exists (select 1 from platform.webhook_subscription w where w.active)), "
                        + "m as (select s.id as subscription_id, e.event_id, e.id from e join platform.webhook_subscription s "
                        + "on s.active and (e.type = any(s.event_types) or '*' = any(s.event_types))), "
                        + "stored as (insert into platform.webhook_event (event_id, event_type, body) "
                        + "select e.event_id, e.type, e.body from e where e.event_id in (select event_id from m) "
                        + "on conflict do nothing) "
                        + "insert into platform.webhook_delivery (subscription_id, event_id) "
                        + "select subscription_id, event_id from m order by id, subscription_id on conflict do nothing")
                .setParameter(1, outboxIds.toArray(Long[]::new))
                .executeUpdate();
        if (deliveries > 0) {
            queued.fire(new WebhooksQueued());
        }
        return deliveries;
    }
}
