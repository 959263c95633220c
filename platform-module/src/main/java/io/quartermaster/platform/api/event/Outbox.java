package io.quartermaster.platform.api.event;

import java.util.List;

/**
 * The transactional outbox. {@link #publish} stores the event in the caller's JTA
 * transaction: it is sent to the broker after, and only if, that transaction commits.
 * Publishing outside a transaction is a programming error and fails.
 */
public interface Outbox {

    EventEnvelope publish(DomainEvent event);

    /** Every event in the order given, in the caller's transaction: what a stock batch produced. */
    void publishAll(List<? extends DomainEvent> events);
}
