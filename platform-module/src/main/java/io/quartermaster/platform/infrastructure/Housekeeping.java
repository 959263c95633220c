package io.quartermaster.platform.infrastructure;

import io.quartermaster.platform.api.idempotency.IdempotencyKeys;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Hourly clean-up of what the platform keeps only for a while. */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    /** API.md promises at least 24 hours; two days leaves room for clients that retry late. */
    static final int IDEMPOTENCY_KEY_HOURS = 48;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    SignInFailures signInFailures;

    @Inject
    io.quartermaster.platform.infrastructure.webhook.WebhookStore webhooks;

    @Inject
    io.quartermaster.platform.application.WebhookSettings webhookSettings;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void purge() {
        int purged = idempotencyKeys.purgeOlderThanHours(IDEMPOTENCY_KEY_HOURS);
        if (purged > 0) {
            LOG.info(() -> "Purged " + purged + " idempotency keys older than " + IDEMPOTENCY_KEY_HOURS + " hours");
        }
        signInFailures.purge();
        int deliveries = webhooks.purge(webhookSettings.retentionDays());
        if (deliveries > 0) {
            LOG.info(() -> "Purged " + deliveries + " webhook deliveries that ended more than "
                    + webhookSettings.retentionDays() + " days ago");
        }
    }
}
