package io.quartermaster.platform.api.event;

import java.util.Set;

/**
 * A consumer of events, discovered as a CDI bean. All handlers that name the same
 * {@link #consumer()} share one durable subscription (one per consuming module); each
 * event is handled in a database transaction that also records {@code (consumer, eventId)},
 * so a redelivered or duplicated message has no second effect. Throwing rolls the
 * transaction back and the message is redelivered later; after the broker's maximum
 * number of attempts it lands in the dead-letter address.
 */
public interface EventHandler {

    /** The consuming module's subscription name, e.g. {@code erp}. */
    String consumer();

    /** The event types this handler wants, e.g. {@code OrderPlaced}. */
    Set<String> eventTypes();

    /** Applies the event; runs inside the consumer's database transaction. */
    void handle(EventEnvelope event);

    /**
     * Applies a batch of events (new to this consumer, in arrival order), inside the consumer's
     * one database transaction for the batch. A handler that can do better than one event after
     * the other — fold several changes of one row into one, lock rows in a fixed order —
     * overrides this; throwing fails the whole batch, whose events are then handled one by one.
     */
    default void handleAll(java.util.List<EventEnvelope> events) {
        events.forEach(this::handle);
    }
}
