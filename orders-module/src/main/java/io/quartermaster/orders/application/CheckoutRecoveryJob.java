package io.quartermaster.orders.application;

import io.quartermaster.platform.api.tx.DatabaseFailures;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every 10 seconds, on every instance (each checkout is claimed with SKIP LOCKED): {@link CheckoutRecovery}. */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CheckoutRecoveryJob {

    private static final Logger LOG = Logger.getLogger(CheckoutRecoveryJob.class.getName());

    @Inject
    CheckoutRecovery recovery;

    private volatile boolean failing;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void run() {
        try {
            for (UUID id : recovery.abandoned(100)) {
                recovery.recover(id);
            }
            if (failing) {
                LOG.info("Checkout recovery works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            // Reported once, not every pass for as long as the database is away.
            if (!failing) {
                LOG.log(Level.WARNING, "Checkout recovery pass failed, will retry until it works: " + DatabaseFailures.cause(e));
                failing = true;
            }
        }
    }
}
