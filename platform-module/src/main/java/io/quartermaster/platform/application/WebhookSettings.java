package io.quartermaster.platform.application;

import io.quartermaster.platform.domain.webhook.RetrySchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The webhook settings, from MicroProfile Config (each key also as an environment variable). */
@ApplicationScoped
public class WebhookSettings {

    /** {@code QM_WEBHOOKS_ALLOW_PRIVATE_URLS}: http and loopback/private addresses, for development and tests. */
    @Inject
    @ConfigProperty(name = "qm.webhooks.allow-private-urls", defaultValue = "false")
    boolean allowPrivateUrls;

    /** {@code QM_WEBHOOKS_SENDERS}: subscriptions worked at once per instance (one thread each). */
    @Inject
    @ConfigProperty(name = "qm.webhooks.senders", defaultValue = "4")
    int senders;

    @Inject
    @ConfigProperty(name = "qm.webhooks.timeout-seconds", defaultValue = "10")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "qm.webhooks.retry-base-seconds", defaultValue = "30")
    int retryBaseSeconds;

    @Inject
    @ConfigProperty(name = "qm.webhooks.give-up-after-seconds", defaultValue = "86400")
    long giveUpAfterSeconds;

    @Inject
    @ConfigProperty(name = "qm.webhooks.retention-days", defaultValue = "30")
    int retentionDays;

    public boolean allowPrivateUrls() {
        return allowPrivateUrls;
    }

    public int senders() {
        return Math.max(1, senders);
    }

    public Duration timeout() {
        return Duration.ofSeconds(Math.max(1, timeoutSeconds));
    }

    public RetrySchedule retries() {
        return new RetrySchedule(Duration.ofSeconds(Math.max(1, retryBaseSeconds)), Duration.ofHours(1),
                Duration.ofSeconds(Math.max(0, giveUpAfterSeconds)));
    }

    public int retentionDays() {
        return retentionDays;
    }
}
