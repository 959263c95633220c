package io.quartermaster.platform.api.webhook;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhooks for integrators: subscriptions of a URL to event types, each event of a subscribed
 * type POSTed to it signed, retried until a 2xx or the retry window ends, listed per delivery.
 * Deliveries are stored when the outbox relay publishes the event, never held in memory only.
 */
public interface WebhookFacade {

    /** @throws io.quartermaster.platform.api.problem.ProblemException 400 naming the field for a bad URL or event type */
    IssuedWebhook subscribe(NewWebhook webhook, String by);

    List<WebhookView> webhooks();

    Optional<WebhookView> webhook(UUID id);

    Optional<WebhookView> change(UUID id, NewWebhook change, String by);

    boolean remove(UUID id, String by);

    /** A new secret, shown once; the old one signs beside it for 24 hours. */
    Optional<IssuedWebhook> rotateSecret(UUID id, String by);

    /** Empty when there is no such subscription. */
    Optional<DeliveryPage> deliveries(UUID id, DeliveryStatus status, int page, int size);

    /** Queues the delivery again (whatever its status) for an attempt now; false when there is none. */
    boolean redeliver(UUID id, UUID eventId, String by);

    /** The event types a subscription may name, besides {@code *}. */
    java.util.Set<String> eventTypes();
}
