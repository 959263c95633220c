package io.quartermaster.platform.infrastructure.messaging;

import io.quartermaster.platform.api.event.EventHandler;
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
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the event consumers of every module at application start: one shared durable
 * subscription per consuming module (handlers grouped by {@link EventHandler#consumer()}),
 * {@code qm.consumer.threads} receivers each, on every instance. The broker spreads a
 * subscription's messages over all receivers of all instances.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class.getName());

    @Inject
    @Any
    Instance<EventHandler> handlers;

    @Inject
    Broker broker;

    @Inject
    ConsumedEvents consumed;

    @Inject
    @ConfigProperty(name = "qm.consumer.threads", defaultValue = "2")
    int threadsPerConsumer;

    @Resource
    ManagedThreadFactory threadFactory;

    private final List<ConsumerLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    @PostConstruct
    void start() {
        Map<String, List<EventHandler>> byConsumer = new TreeMap<>();
        for (EventHandler handler : handlers) {
            byConsumer.computeIfAbsent(handler.consumer(), k -> new ArrayList<>()).add(handler);
        }
        byConsumer.forEach((consumer, group) -> {
            for (int i = 0; i < threadsPerConsumer; i++) {
                ConsumerLoop loop = new ConsumerLoop(consumer, group, broker, consumed);
                Thread thread = threadFactory.newThread(loop);
                thread.setName("consumer-" + consumer + "-" + i);
                loops.add(loop);
                threads.add(thread);
                thread.start();
            }
            LOG.info(() -> "Consumer '" + consumer + "' subscribed to " + broker.eventsTopic()
                    + " for " + ConsumerLoop.typesOf(group) + " with " + threadsPerConsumer + " receivers");
        });
    }

    @PreDestroy
    void stop() {
        loops.forEach(ConsumerLoop::stop);
        for (Thread thread : threads) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean allConnected() {
        return loops.stream().allMatch(ConsumerLoop::connected);
    }
}
