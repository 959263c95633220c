package io.quartermaster.platform.infrastructure.outbox;

import io.quartermaster.platform.api.event.DomainEvent;
import io.quartermaster.platform.api.event.EventEnvelope;
import io.quartermaster.platform.api.event.Outbox;
import io.quartermaster.platform.infrastructure.Wakeup;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class JpaOutbox implements Outbox {

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OutboxSignal signal;

    @Resource
    TransactionSynchronizationRegistry registry;

    private static final Object WRITTEN = JpaOutbox.class.getName() + ".written";

    /**
     * MANDATORY: an event stored outside the caller's transaction could be published for
     * a change that then rolls back, which is exactly what the outbox exists to prevent.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(DomainEvent event) {
        EventEnvelope envelope = store(event);
        wakeRelayAfterCommit();
        return envelope;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<? extends DomainEvent> events) {
        events.forEach(this::store);
        if (!events.isEmpty()) {
            wakeRelayAfterCommit();
        }
    }

    private EventEnvelope store(DomainEvent event) {
        EventEnvelope envelope = EventEnvelope.wrap(event, UUID.randomUUID(), clock.instant());
        em.persist(new OutboxRecord(envelope.eventId(), envelope.type(), envelope.version(),
                envelope.occurredAt(), envelope.toJson()));
        return envelope;
    }

    /**
     * One wake-up per transaction, however many events it stores, signalled by a JTA
     * synchronization once the transaction has committed (never for a rollback). A profiled W1
     * run at 32 clients spent 8 % of the server's CPU in one CDI after-commit notification per
     * event; one per transaction still cost 4 % at 1 client, hence a plain call.
     */
    private void wakeRelayAfterCommit() {
        if (registry.getResource(WRITTEN) == null) {
            registry.putResource(WRITTEN, Boolean.TRUE);
            Wakeup wakeup = signal.wakeup();
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing to do before the commit
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        wakeup.signal();
                    }
                }
            });
        }
    }
}
