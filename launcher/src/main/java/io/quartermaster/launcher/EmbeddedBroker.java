package io.quartermaster.launcher;

import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An Artemis broker in this JVM with a persistent journal under {@code dataDir}.
 *
 * <p>The address settings are the ones the application relies on and that an external
 * broker must have too (see the README): redelivery with a growing delay, a bounded number
 * of attempts, then the dead-letter address {@code DLA} with its queue {@code DLQ} —
 * without a dead-letter address Artemis would drop the message after the last attempt.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final int maxDeliveryAttempts;
    private final long redeliveryDelayMillis;
    private EmbeddedActiveMQ server;

    public EmbeddedBroker(Path dataDir, int port, int maxDeliveryAttempts, long redeliveryDelayMillis) {
        this.dataDir = dataDir;
        this.port = port;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
        this.redeliveryDelayMillis = redeliveryDelayMillis;
    }

    public synchronized EmbeddedBroker start() throws Exception {
        if (server != null) {
            return this;
        }
        Configuration config = new ConfigurationImpl()
                .setName("quartermaster")
                .setPersistenceEnabled(true)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port)
                .addAddressSetting("#", new AddressSettings()
                        .setDeadLetterAddress(org.apache.activemq.artemis.api.core.SimpleString.of("DLA"))
                        .setMaxDeliveryAttempts(maxDeliveryAttempts)
                        .setRedeliveryDelay(redeliveryDelayMillis)
                        .setRedeliveryMultiplier(2.0)
                        .setMaxRedeliveryDelay(Math.max(redeliveryDelayMillis, 60_000))
                        .setAutoCreateAddresses(true)
                        .setAutoCreateQueues(true))
                .addAddressConfiguration(new CoreAddressConfiguration()
                        .setName("DLA")
                        .addRoutingType(RoutingType.ANYCAST)
                        .setQueueConfigs(List.of(QueueConfiguration.of("DLQ")
                                .setAddress("DLA").setRoutingType(RoutingType.ANYCAST).setDurable(true))));
        EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
        embedded.setConfiguration(config);
        embedded.start();
        server = embedded;
        return this;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public synchronized boolean running() {
        return server != null;
    }

    public synchronized void stop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
