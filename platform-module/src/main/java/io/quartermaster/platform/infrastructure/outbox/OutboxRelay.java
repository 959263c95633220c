package io.quartermaster.platform.infrastructure.outbox;

import io.quartermaster.platform.api.event.EventEnvelope;
import io.quartermaster.platform.api.tx.DatabaseFailures;
import io.quartermaster.platform.infrastructure.messaging.Broker;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes stored events to the broker. Runs on every instance; {@link OutboxBatch}
 * makes that safe. It wakes right after a commit that wrote an event ({@link OutboxSignal}, so
 * events leave within milliseconds) and otherwise polls, which also picks up events whose earlier
 * send failed and rows left by an instance that died.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    @Inject
    OutboxBatch batch;

    @Inject
    Broker broker;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "qm.outbox.poll-millis", defaultValue = "500")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "qm.outbox.retention-days", defaultValue = "7")
    int retentionDays;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    OutboxSignal outboxSignal;

    private io.quartermaster.platform.infrastructure.Wakeup wakeup;
    private volatile boolean running;
    private volatile boolean brokerHealthy;
    private volatile boolean databaseHealthy = true;
    private final AtomicLong published = new AtomicLong();
    private Thread worker;
    private JMSContext context;
    private JMSProducer producer;
    private Topic topic;

    @PostConstruct
    void start() {
        wakeup = outboxSignal.wakeup();
        running = true;
        worker = threads.newThread(this::loop);
        worker.setName("outbox-relay");
        worker.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        signal();
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeContext();
    }

    public boolean brokerHealthy() {
        return brokerHealthy;
    }

    public long publishedCount() {
        return published.get();
    }

    private void signal() {
        wakeup.signal();
    }

    private void loop() {
        long lastPurge = 0;
        while (running) {
            boolean more = false;
            try {
                OutboxBatch.Result result = batch.relay(this::publish);
                published.addAndGet(result.sent());
                if (result.failed()) {
                    if (brokerHealthy) {
                        LOG.warning("Broker unreachable; events stay in the outbox and are retried with backoff");
                    }
                    brokerHealthy = false;
                    closeContext();
                } else {
                    if (!brokerHealthy && result.sent() > 0) {
                        LOG.info("Broker reachable again; outbox draining");
                    }
                    brokerHealthy = result.sent() > 0 || brokerHealthy || probe();
                    more = result.sent() == OutboxBatch.BATCH_SIZE;
                }
                if (System.currentTimeMillis() - lastPurge > TimeUnit.HOURS.toMillis(1)) {
                    int purged = batch.purgePublishedBefore(clock.instant().minus(Duration.ofDays(retentionDays)));
                    if (purged > 0) {
                        LOG.info(() -> "Purged " + purged + " published outbox events older than " + retentionDays + " days");
                    }
                    lastPurge = System.currentTimeMillis();
                }
                if (!databaseHealthy) {
                    LOG.info("Database reachable again; outbox relay running");
                    databaseHealthy = true;
                }
            } catch (RuntimeException e) {
                // Database away or the like: keep the relay alive, try again after a pause (reported once).
                if (databaseHealthy || !DatabaseFailures.unavailable(e)) {
                    LOG.log(Level.WARNING, "Outbox relay pass failed: " + DatabaseFailures.cause(e));
                }
                databaseHealthy = !DatabaseFailures.unavailable(e);
                pause(2000);
                continue;
            }
            if (!more) {
                pause(pollMillis);
            }
        }
    }

    private boolean probe() {
        try {
            context();
            return true;
        } catch (RuntimeException e) {
            closeContext();
            return false;
        }
    }

    private void pause(long millis) {
        if (running && !wakeup.pause(millis)) {
            running = false;
        }
    }

    /**
     * Sends a pass's events in the relay's transacted session and commits it: one journal sync for
     * all. Artemis refuses a whole transaction that carries one duplicate (an event that reached the
     * broker before, when an instance died between the broker's commit and its own); that pass is then
     * sent again one message at a time outside a transaction, where the broker drops the duplicate
     * alone and routes the others.
     */
    private void publish(List<OutboxRecord> records) {
        JMSContext ctx = context();
        try {
            for (OutboxRecord record : records) {
                producer.send(topic, message(ctx, record));
            }
            ctx.commit();
        } catch (RuntimeException e) {
            rollbackQuietly(ctx);
            if (!duplicate(e)) {
                throw e;
            }
            LOG.info(() -> "A relay pass of " + records.size() + " events carried an event the broker has already; "
                    + "sending them one at a time");
            try (JMSContext single = broker.producerContext()) {
                JMSProducer one = single.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
                Topic events = single.createTopic(broker.eventsTopic());
                for (OutboxRecord record : records) {
                    one.send(events, message(single, record));
                }
            }
        }
    }

    private static TextMessage message(JMSContext ctx, OutboxRecord record) {
        String eventId = record.eventId().toString();
        TextMessage message = ctx.createTextMessage(record.body());
        try {
            message.setJMSType(record.type());
            message.setStringProperty("eventId", eventId);
            // The broker drops a second message with the same id, also across its restarts.
            message.setStringProperty("_AMQ_DUPL_ID", eventId);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
        return message;
    }

    private static boolean duplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("Duplicate message detected")
                    || t.getClass().getSimpleName().contains("DuplicateId")) {
                return true;
            }
        }
        return false;
    }

    private static void rollbackQuietly(JMSContext ctx) {
        try {
            ctx.rollback();
        } catch (RuntimeException ignored) {
            // the context is closed and made anew on the next pass
        }
    }

    private JMSContext context() {
        if (context == null) {
            context = broker.relayContext();
            producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            topic = context.createTopic(broker.eventsTopic());
        }
        return context;
    }

    private void closeContext() {
        if (context != null) {
            try {
                context.close();
            } catch (RuntimeException ignored) {
                // already broken; a new one is made on the next pass
            }
            context = null;
        }
    }
}
