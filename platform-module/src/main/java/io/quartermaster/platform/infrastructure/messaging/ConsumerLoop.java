package io.quartermaster.platform.infrastructure.messaging;

import io.quartermaster.platform.api.event.EventEnvelope;
import io.quartermaster.platform.api.event.EventHandler;
import io.quartermaster.platform.api.tx.DatabaseFailures;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.ArrayList;
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

    /** Most messages handled in one database transaction: what was waiting, up to this many. */
    static final int MAX_BATCH = 200;

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
                    Message first = receiver.receive(1000);
                    if (first == null) {
                        continue;
                    }
                    if (redelivered(first)) {
                        // Its batch failed (or its receiver died): alone, so a poison message fails alone.
                        process(context, List.of(first));
                        continue;
                    }
                    List<Message> batch = new ArrayList<>();
                    batch.add(first);
                    Message next;
                    while (batch.size() < MAX_BATCH && (next = receiver.receiveNoWait()) != null) {
                        batch.add(next);
                        if (redelivered(next)) {
                            break; // processed with this batch; rare, and a failure sends it back alone anyway
                        }
                    }
                    process(context, batch);
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

    /**
     * Handles what was received as one database transaction, then commits the JMS session. A
     * batch of several that fails is rolled back whole: its messages come back marked redelivered
     * and are then handled one at a time, so a poison message reaches the dead-letter address
     * alone and its neighbours are posted.
     */
    private void process(JMSContext context, List<Message> messages) {
        long wait = 500;
        boolean waiting = false;
        int conflicts = 0;
        while (true) {
            try {
                List<EventEnvelope> events = new ArrayList<>(messages.size());
                for (Message message : messages) {
                    events.add(EventEnvelope.fromJson(message.getBody(String.class)));
                }
                consumed.handleAll(consumer, events, handlers);
                context.commit();
                if (waiting) {
                    LOG.info(() -> "Consumer '" + consumer + "': database reachable again, processing resumed");
                }
                return;
            } catch (JMSException | RuntimeException e) {
                String state = Transactions.sqlState(e);
                if (running && ("40P01".equals(state) || "40001".equals(state)) && ++conflicts <= 5) {
                    // A deadlock or serialization failure rolled the database back: nothing happened, try again.
                    sleep(5L * conflicts);
                    continue;
                }
                if (running && DatabaseFailures.unavailable(e)) {
                    // Not the messages' fault: keep them (uncommitted, so a crash still redelivers them) and
                    // try again once the database is back, without using up their delivery attempts.
                    if (!waiting) {
                        LOG.warning("Consumer '" + consumer + "': database unavailable (" + describe(e)
                                + "); holding " + messages.size() + " message(s) and retrying until it is back");
                        waiting = true;
                    }
                    sleep(wait);
                    wait = Math.min(wait * 2, 5000);
                    continue;
                }
                if (messages.size() == 1) {
                    Message message = messages.get(0);
                    fail(context, message, property(message, "eventId"), type(message), e);
                } else {
                    LOG.fine(() -> "Consumer '" + consumer + "': a batch of " + messages.size() + " failed ("
                            + describe(e) + "); its messages come back one at a time");
                    context.rollback();
                }
                return;
            }
        }
    }

    private static boolean redelivered(Message message) {
        try {
            return message.getJMSRedelivered();
        } catch (JMSException e) {
            return true;
        }
    }

    private static String type(Message message) {
        try {
            return message.getJMSType();
        } catch (JMSException e) {
            return null;
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
