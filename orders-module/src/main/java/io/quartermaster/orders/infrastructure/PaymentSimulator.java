package io.quartermaster.orders.infrastructure;

import io.quartermaster.orders.domain.payment.PaymentGateway;
import io.quartermaster.orders.domain.payment.PaymentUnavailable;
import io.quartermaster.platform.api.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The built-in payment gateway: approves any token except those starting with
 * {@code tok_decline}; {@code tok_delay_<ms>…} adds that much latency to one capture (to
 * test a hold expiring during payment). Base latency ({@code QM_PAYMENTS_LATENCY_MILLIS})
 * and a rate of transient failures ({@code QM_PAYMENTS_FAILURE_RATE}) are configurable.
 * Captures are idempotent per reference, like a real gateway's idempotency keys.
 */
@ApplicationScoped
public class PaymentSimulator implements PaymentGateway {

    private static final Logger LOG = Logger.getLogger(PaymentSimulator.class.getName());

    @Inject
    @ConfigProperty(name = "qm.payments.latency-millis", defaultValue = "0")
    long latencyMillis;

    @Inject
    @ConfigProperty(name = "qm.payments.failure-rate", defaultValue = "0")
    double failureRate;

    private final Map<String, String> captures = new ConcurrentHashMap<>();
    private final Map<String, Money> refunds = new ConcurrentHashMap<>();

    @Override
    public CaptureResult capture(String reference, String token, Money amount) {
        pause(latencyMillis + tokenDelay(token));
        if (token.startsWith("tok_decline")) {
            return new Declined("card declined (simulator)");
        }
        if (failureRate > 0 && ThreadLocalRandom.current().nextDouble() < failureRate) {
            throw new PaymentUnavailable("simulated gateway failure");
        }
        String ref = captures.computeIfAbsent(reference, r -> "sim_cap_" + UUID.randomUUID());
        LOG.fine(() -> "Captured " + amount + " for " + reference + " as " + ref);
        return new Captured(ref);
    }

    @Override
    public void refund(String captureRef, Money amount, String reference) {
        pause(latencyMillis);
        refunds.merge(captureRef, amount, Money::plus);
        LOG.info(() -> "Refunded " + amount + " of " + captureRef + " (" + reference + ")");
    }

    @Override
    public java.util.Optional<String> findCapture(String reference) {
        return java.util.Optional.ofNullable(captures.get(reference));
    }

    /** What the simulator has refunded of a capture, for tests and the demo. */
    public Money refunded(String captureRef) {
        return refunds.getOrDefault(captureRef, Money.zero());
    }

    private static long tokenDelay(String token) {
        if (token.startsWith("tok_delay_")) {
            String digits = token.substring("tok_delay_".length()).replaceAll("[^0-9].*$", "");
            if (!digits.isEmpty()) {
                return Math.min(Long.parseLong(digits), 60_000);
            }
        }
        return 0;
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PaymentUnavailable("interrupted");
            }
        }
    }
}
