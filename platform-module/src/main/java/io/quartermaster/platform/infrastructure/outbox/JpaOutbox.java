package io.quartermaster.platform.infrastructure.outbox;

import io.quartermaster.platform.api.event.DomainEvent;
import io.quartermaster.platform.api.event.EventEnvelope;
import io.quartermaster.platform.api.event.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

@ApplicationScoped
public class JpaOutbox implements Outbox {

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<OutboxWritten> written;

    /**
     * MANDATORY: an event stored outside the caller's transaction could be published for
     * a change that then rolls back, which is exactly what the outbox exists to prevent.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(DomainEvent event) {
        EventEnvelope envelope = EventEnvelope.wrap(event, UUID.randomUUID(), clock.instant());
        em.persist(new OutboxRecord(envelope.eventId(), envelope.type(), envelope.version(),
                envelope.occurredAt(), envelope.toJson()));
        written.fire(new OutboxWritten());
        return envelope;
    }
}
