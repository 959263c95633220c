package io.quartermaster.web.it.probe;

import io.quartermaster.platform.api.event.EventEnvelope;
import io.quartermaster.platform.api.event.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;

/**
 * Test deployment only: a consumer whose effect is one row per handled event. A note that
 * starts with {@code poison} fails for as long as the probe is not cured.
 */
@ApplicationScoped
public class ProbeConsumer implements EventHandler {

    public static final String CONSUMER = "it-probe";

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    ProbeSwitch probeSwitch;

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("ProbePinged");
    }

    @Override
    public void handle(EventEnvelope event) {
        ProbePinged ping = event.payloadAs(ProbePinged.class);
        em.createNativeQuery("insert into it_probe.effect (event_id, note) values (?1, ?2)")
                .setParameter(1, event.eventId())
                .setParameter(2, ping.note())
                .executeUpdate();
        if (ping.note().startsWith("poison") && !probeSwitch.cured()) {
            // After the insert, so the test also proves that a failed handling leaves no effect.
            throw new IllegalStateException("poison pill " + ping.note());
        }
    }
}
