package io.quartermaster.orders.application;

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

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void run() {
        try {
            for (UUID id : recovery.abandoned(100)) {
                recovery.recover(id);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Checkout recovery pass failed, will retry: " + e.getMessage());
        }
    }
}
