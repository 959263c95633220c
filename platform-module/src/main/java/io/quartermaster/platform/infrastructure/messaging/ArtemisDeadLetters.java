package io.quartermaster.platform.infrastructure.messaging;

import io.quartermaster.platform.api.messaging.DeadLetter;
import io.quartermaster.platform.api.messaging.DeadLetterFacade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the broker's dead-letter queue and joins each message with the failure its
 * consumer recorded. Retry sends a copy straight to the queue of the subscription it
 * failed in (fully qualified {@code address::queue}), so other modules do not see it again.
 */
@ApplicationScoped
public class ArtemisDeadLetters implements DeadLetterFacade {

    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");

    @Inject
    Broker broker;

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Override
    public List<DeadLetter> list() {
        List<DeadLetter> letters = new ArrayList<>();
        try (JMSContext context = broker.adminContext(JMSContext.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = context.createBrowser(context.createQueue(deadLetterQueue()))) {
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && letters.size() < 1000) {
                letters.add(describe((Message) messages.nextElement()));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read the dead-letter queue: " + e.getMessage(), e);
        }
        return letters;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean retry(String id) {
        return take(id, (context, message) -> {
            String address = message.getStringProperty("_AMQ_ORIG_ADDRESS");
            String queue = message.getStringProperty("_AMQ_ORIG_QUEUE");
            Message copy = context.createTextMessage(message.getBody(String.class));
            copy.setJMSType(message.getJMSType());
            copy.setStringProperty("eventId", message.getStringProperty("eventId"));
            // A new duplicate-detection id: the original one is remembered by the address.
            copy.setStringProperty("_AMQ_DUPL_ID", "retry-" + UUID.randomUUID());
            // The subscription queue sits on a multicast address: address it as a topic, fully qualified.
            context.createProducer().send(context.createTopic(address + "::" + queue), copy);
            forgetFailure(queue, message.getStringProperty("eventId"));
        });
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean discard(String id) {
        return take(id, (context, message) ->
                forgetFailure(message.getStringProperty("_AMQ_ORIG_QUEUE"), message.getStringProperty("eventId")));
    }

    private interface Action {
        void apply(JMSContext context, Message message) throws JMSException;
    }

    /** Removes one dead letter in a transacted session, committing only after {@code action} succeeded. */
    private boolean take(String id, Action action) {
        if (id == null || !ID.matcher(id).matches()) {
            return false;
        }
        try (JMSContext context = broker.adminContext(JMSContext.SESSION_TRANSACTED);
             JMSConsumer consumer = context.createConsumer(context.createQueue(deadLetterQueue()),
                     "JMSMessageID = 'ID:" + id + "'")) {
            Message message = consumer.receive(2000);
            if (message == null) {
                return false;
            }
            try {
                action.apply(context, message);
            } catch (JMSException | RuntimeException e) {
                context.rollback();
                throw new IllegalStateException("dead letter " + id + ": " + e.getMessage(), e);
            }
            context.commit();
            return true;
        }
    }

    private void forgetFailure(String consumer, String eventId) {
        if (consumer != null && eventId != null) {
            em.createNativeQuery("delete from platform.delivery_failure where consumer = ?1 and event_id = ?2")
                    .setParameter(1, consumer)
                    .setParameter(2, eventId)
                    .executeUpdate();
        }
    }

    private String deadLetterQueue() {
        return Broker.DEAD_LETTER_ADDRESS + "::" + Broker.DEAD_LETTER_QUEUE;
    }

    private DeadLetter describe(Message message) throws JMSException {
        String eventId = message.getStringProperty("eventId");
        String queue = message.getStringProperty("_AMQ_ORIG_QUEUE");
        String body = message instanceof TextMessage text ? text.getText() : "(" + message.getClass().getSimpleName() + ")";
        int attempts = message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 0;
        String error = null;
        if (queue != null) {
            String key = eventId != null ? eventId : message.getJMSMessageID();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "select last_error, attempts from platform.delivery_failure where consumer = ?1 and event_id = ?2")
                    .setParameter(1, queue)
                    .setParameter(2, key)
                    .getResultList();
            if (!rows.isEmpty()) {
                error = (String) rows.get(0)[0];
                attempts = Math.max(attempts, ((Number) rows.get(0)[1]).intValue());
            }
        }
        Instant sentAt = message.getJMSTimestamp() > 0 ? Instant.ofEpochMilli(message.getJMSTimestamp()) : null;
        return new DeadLetter(message.getJMSMessageID().replaceFirst("^ID:", ""), eventId, message.getJMSType(),
                queue, message.getStringProperty("_AMQ_ORIG_ADDRESS"), sentAt, attempts,
                error == null ? "no error recorded by a consumer" : error, body);
    }

}
