package io.quartermaster.platform.infrastructure.messaging;

import io.quartermaster.platform.api.messaging.BrokerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import java.util.Optional;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connections to the Artemis broker, built from configuration ({@code JMS_URL},
 * {@code JMS_USER}, {@code JMS_PASSWORD}).
 *
 * <p>Producers and consumers need opposite reconnect behaviour. A producer that reconnects
 * forever blocks a send with no timeout while the broker is away, so the relay's factory
 * fails fast ({@code reconnectAttempts=0}, {@code callTimeout}) and the relay retries with
 * backoff. A consumer just waits for the broker to come back ({@code reconnectAttempts=-1}).
 */
@ApplicationScoped
public class Broker implements BrokerStatus {

    public static final String DEAD_LETTER_ADDRESS = "DLA";
    public static final String DEAD_LETTER_QUEUE = "DLQ";

    @Inject
    @ConfigProperty(name = "jms.url", defaultValue = "tcp://localhost:61616")
    String url;

    @Inject
    @ConfigProperty(name = "jms.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "jms.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "qm.events.topic", defaultValue = "qm.events")
    String eventsTopic;

    public String eventsTopic() {
        return eventsTopic;
    }

    public String url() {
        return url;
    }

    /** For sending: fails within a few seconds when the broker is unreachable. */
    public JMSContext producerContext() {
        return factory("reconnectAttempts=0&callTimeout=5000&callFailoverTimeout=5000&initialConnectAttempts=1")
                .createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    /**
     * For the relay: like {@link #producerContext()}, but transacted, so that a pass's events
     * cost one journal sync at commit instead of one blocking send each.
     */
    public JMSContext relayContext() {
        return factory("reconnectAttempts=0&callTimeout=5000&callFailoverTimeout=5000&initialConnectAttempts=1")
                .createContext(JMSContext.SESSION_TRANSACTED);
    }

    /** For consuming: transacted, reconnects by itself once connected. */
    public JMSContext consumerContext() {
        return factory("reconnectAttempts=-1&retryInterval=500&retryIntervalMultiplier=2&maxRetryInterval=5000&initialConnectAttempts=1")
                .createContext(JMSContext.SESSION_TRANSACTED);
    }

    /** For short administrative work (readiness, dead letters): fails fast. */
    public JMSContext adminContext(int sessionMode) {
        return factory("reconnectAttempts=0&callTimeout=3000&initialConnectAttempts=1")
                .createContext(sessionMode);
    }

    @SuppressWarnings("resource")
    private ActiveMQConnectionFactory factory(String parameters) {
        String separator = url.contains("?") ? "&" : "?";
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url + separator + parameters);
        user.ifPresent(factory::setUser);
        password.ifPresent(factory::setPassword);
        return factory;
    }

    @Override
    public Optional<String> problem() {
        try (JMSContext context = adminContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            context.createTopic(eventsTopic);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
