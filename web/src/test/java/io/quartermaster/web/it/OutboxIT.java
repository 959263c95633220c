package io.quartermaster.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quartermaster.platform.api.event.EventEnvelope;
import io.quartermaster.platform.api.event.Outbox;
import io.quartermaster.platform.api.messaging.DeadLetter;
import io.quartermaster.platform.api.messaging.DeadLetterFacade;
import io.quartermaster.platform.infrastructure.messaging.Broker;
import io.quartermaster.web.it.probe.ProbeConsumer;
import io.quartermaster.web.it.probe.ProbePinged;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import jakarta.transaction.TransactionalException;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container tests of the outbox, the relay and the idempotent consumer, against the real
 * PostgreSQL and Artemis: what is committed arrives exactly once, what is rolled back never
 * arrives, and a duplicate or malformed message does no harm.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.quartermaster();
    }

    @Inject
    Outbox outbox;

    @Inject
    Broker broker;

    @Inject
    DeadLetterFacade deadLetters;

    @Resource
    UserTransaction tx;

    @Resource(lookup = "java:app/jdbc/quartermaster")
    DataSource dataSource;

    @Test
    void eventsOfCommittedTransactionsReachTheConsumerExactlyOnce() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tx.begin();
            ids.add(outbox.publish(new ProbePinged("committed-" + i)).eventId());
            tx.commit();
        }

        Poll.until(() -> effects(ids).size(), n -> n == ids.size(), Duration.ofSeconds(30), "50 effects");
        // Give a duplicate every chance to show up before counting.
        Thread.sleep(1000);
        Map<UUID, Integer> effects = effects(ids);
        for (UUID id : ids) {
            assertEquals(1, effects.get(id), "effects of " + id);
        }
        assertEquals(0, count("select count(*) from platform.outbox where published_at is null and event_id = any(?)", ids));
        assertEquals(ids.size(), count("select count(*) from platform.consumed_event where consumer = '"
                + ProbeConsumer.CONSUMER + "' and event_id = any(?)", ids));
    }

    @Test
    void eventOfARolledBackTransactionNeverArrives() throws Exception {
        tx.begin();
        UUID rolledBack = outbox.publish(new ProbePinged("rolled-back")).eventId();
        tx.rollback();
        tx.begin();
        UUID marker = outbox.publish(new ProbePinged("marker")).eventId();
        tx.commit();

        Poll.until(() -> effects(List.of(marker)).size(), n -> n == 1, Duration.ofSeconds(30), "the marker event");
        Thread.sleep(1000);
        assertTrue(effects(List.of(rolledBack)).isEmpty(), "rolled-back event must not arrive");
        assertEquals(0, count("select count(*) from platform.outbox where event_id = any(?)", List.of(rolledBack)));
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThrows(TransactionalException.class, () -> outbox.publish(new ProbePinged("no-tx")));
    }

    @Test
    void aMessageDeliveredTwiceHasOneEffect() throws Exception {
        EventEnvelope envelope = EventEnvelope.wrap(new ProbePinged("twice"), UUID.randomUUID(), Instant.now());
        try (JMSContext context = broker.producerContext()) {
            for (int copy = 0; copy < 2; copy++) {
                TextMessage message = context.createTextMessage(envelope.toJson());
                message.setJMSType(envelope.type());
                message.setStringProperty("eventId", envelope.eventId().toString());
                // Different duplicate-detection ids, so the broker delivers both copies.
                message.setStringProperty("_AMQ_DUPL_ID", "copy-" + copy + "-" + envelope.eventId());
                context.createProducer().send(context.createTopic(broker.eventsTopic()), message);
            }
        }

        Poll.until(() -> count("select count(*) from platform.consumed_event where event_id = any(?)",
                List.of(envelope.eventId())), n -> n == 1, Duration.ofSeconds(30), "the event to be consumed");
        Thread.sleep(1500);
        assertEquals(Map.of(envelope.eventId(), 1), effects(List.of(envelope.eventId())));
    }

    @Test
    void theBrokerDropsARepublishedEventWithTheSameId() throws Exception {
        // What happens when the relay dies after sending and before marking the row published.
        EventEnvelope envelope = EventEnvelope.wrap(new ProbePinged("resent"), UUID.randomUUID(), Instant.now());
        try (JMSContext context = broker.producerContext()) {
            for (int copy = 0; copy < 2; copy++) {
                TextMessage message = context.createTextMessage(envelope.toJson());
                message.setJMSType(envelope.type());
                message.setStringProperty("eventId", envelope.eventId().toString());
                message.setStringProperty("_AMQ_DUPL_ID", envelope.eventId().toString());
                context.createProducer().send(context.createTopic(broker.eventsTopic()), message);
            }
        }
        Poll.until(() -> effects(List.of(envelope.eventId())).size(), n -> n == 1, Duration.ofSeconds(30), "the event");
        Thread.sleep(1000);
        assertEquals(Map.of(envelope.eventId(), 1), effects(List.of(envelope.eventId())));
    }

    @Test
    void aMalformedMessageGoesToTheDeadLetterAddressWithItsError() throws Exception {
        String id = "malformed-" + UUID.randomUUID();
        try (JMSContext context = broker.producerContext()) {
            TextMessage message = context.createTextMessage("{ this is not an event");
            message.setJMSType("ProbePinged");
            message.setStringProperty("eventId", id);
            context.createProducer().send(context.createTopic(broker.eventsTopic()), message);
        }
        Poll.until(() -> count("select count(*) from platform.delivery_failure where event_id = '" + id + "' and attempts >= "
                        + TestServices.MAX_DELIVERY_ATTEMPTS, List.of()), n -> n == 1, Duration.ofSeconds(30),
                "the failure to be recorded " + TestServices.MAX_DELIVERY_ATTEMPTS + " times");
        String error = string("select last_error from platform.delivery_failure where event_id = '" + id + "'");
        assertTrue(error.contains("MalformedEventException"), error);

        DeadLetter letter = Poll.until(() -> deadLetters.list().stream().filter(d -> id.equals(d.eventId())).findFirst(),
                Optional::isPresent, Duration.ofSeconds(30), "the dead letter").orElseThrow();
        assertEquals(ProbeConsumer.CONSUMER, letter.consumer());
        assertTrue(letter.error().contains("MalformedEventException"), letter.error());
        assertTrue(deadLetters.discard(letter.id()));
        assertFalse(deadLetters.list().stream().anyMatch(d -> id.equals(d.eventId())), "discarded");
    }

    private Map<UUID, Integer> effects(List<UUID> ids) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return ProbeEffects.of(c, ids);
        }
    }

    private long count(String sql, List<UUID> ids) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return ProbeEffects.count(c, sql, ids);
        }
    }

    private String string(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
