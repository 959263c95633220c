package io.quartermaster.platform.infrastructure.messaging;

import io.quartermaster.platform.api.event.EventEnvelope;
import io.quartermaster.platform.api.event.EventHandler;
import io.quartermaster.platform.api.tx.DatabaseFailures;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One receiver of a module's subscription. Order of commits is what makes it safe: the
 * database transaction (effect + consumed record) commits first, then the JMS session.
 * A crash between the two redelivers a message that the consumed record turns into a
 * no-op. A failure rolls the JMS session back, so the broker redelivers after its delay,
 * and after its maximum attempts moves the message to the dead-letter address.
 */
final class ConsumerLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class.getName());

    private final String consumer;
    private final List<EventHandler> handlers;
    private final Broker broker;
    private final ConsumedEvents consumed;
    private volatile boolean running = true;
    private volatile boolean connected;

    ConsumerLoop(String consumer, List<EventHandler> handlers, Broker broker, ConsumedEvents consumed) {
        this.consumer = consumer;
        this.handlers = handlers;
        this.broker = broker;
        this.consumed = consumed;
    }

    static Set<String> typesOf(List<EventHandler> handlers) {
        Set<String> types = new TreeSet<>();
        handlers.forEach(h -> types.addAll(h.eventTypes()));
        return types;
    }

    void stop() {
        running = false;
    }

    boolean connected() {
        return connected;
    }

    @Override
    public void run() {
        String selector = typesOf(handlers).stream()
                .map(t -> "'" + t.replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "JMSType IN (", ")"));
        long backoff = 500;
        boolean reported = false;
        while (running) {
            try (JMSContext context = broker.consumerContext()) {
                JMSConsumer receiver = context.createSharedDurableConsumer(
                        context.createTopic(broker.eventsTopic()), consumer, selector);
                connected = true;
                if (reported) {
                    LOG.info(() -> "Consumer '" + consumer + "' connected to the broker again");
                }
                reported = false;
                backoff = 500;
                while (running) {
                    Message message = receiver.receive(1000);
                    if (message != null) {
                        process(context, message);
                    }
                }
            } catch (RuntimeException e) {
                connected = false;
                if (!reported) {
                    LOG.warning("Consumer '" + consumer + "' cannot reach the broker (" + e.getMessage()
                            + "); retrying until it is back");
                    reported = true;
                }
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5000);
            }
        }
        connected = false;
    }

    private void process(JMSContext context, Message message) {
        String eventId = property(message, "eventId");
        String type = null;
        long wait = 500;
        boolean waiting = false;
        while (true) {
            try {
                type = message.getJMSType();
                EventEnvelope event = EventEnvelope.fromJson(message.getBody(String.class));
                List<EventHandler> interested = handlers.stream()
                        .filter(h -> h.eventTypes().contains(event.type()))
                        .toList();
                consumed.handleOnce(consumer, event, interested);
                context.commit();
                if (waiting) {
                    LOG.info(() -> "Consumer '" + consumer + "': database reachable again, processing resumed");
                }
                return;
            } catch (JMSException | RuntimeException e) {
                if (running && DatabaseFailures.unavailable(e)) {
                    // Not the message's fault: keep it (uncommitted, so a crash still redelivers it) and
                    // try it again once the database is back, without using up its delivery attempts.
                    if (!waiting) {
                        LOG.warning("Consumer '" + consumer + "': database unavailable (" + describe(e)
                                + "); holding the message and retrying until it is back");
                        waiting = true;
                    }
                    sleep(wait);
                    wait = Math.min(wait * 2, 5000);
                    continue;
                }
                fail(context, message, eventId, type, e);
                return;
            }
        }
    }

    private void fail(JMSContext context, Message message, String eventId, String type, Exception e) {
        String id = eventId != null ? eventId : messageId(message);
        String error = describe(e);
        LOG.log(Level.WARNING, "Consumer '" + consumer + "' failed on event " + id + " (" + type + "): " + error);
        try {
            consumed.recordFailure(consumer, id, type, error);
        } catch (RuntimeException recordFailed) {
            LOG.log(Level.WARNING, "Could not record the failure: " + recordFailed.getMessage());
        }
        context.rollback();
    }

    private static String property(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (JMSException e) {
            return null;
        }
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "unknown";
        }
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        if (root != e) {
            text = e.getClass().getSimpleName() + " caused by " + text;
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
