package io.quartermaster.inventory.application;

import io.quartermaster.platform.api.tx.DatabaseFailures;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Releases expired holds within about a second of their expiry. Runs on every instance: a
 * sweep claims the due holds with {@code FOR UPDATE SKIP LOCKED} and releases them as one
 * batch (one lock of their stock rows, one commit), so two sweepers never release the same
 * hold, and a confirm holding the hold's lock wins or loses cleanly against the sweeper —
 * exactly one outcome.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HoldSweeper {

    private static final Logger LOG = Logger.getLogger(HoldSweeper.class.getName());

    /** Most holds one sweep transaction releases. */
    private static final int BATCH = 200;

    @Inject
    Inventory inventory;

    @Inject
    @ConfigProperty(name = "qm.holds.sweep-millis", defaultValue = "500")
    long sweepMillis;

    @Resource
    ManagedThreadFactory threads;

    private volatile boolean running;
    private boolean failing;
    private Thread worker;

    @PostConstruct
    void start() {
        running = true;
        worker = threads.newThread(this::loop);
        worker.setName("hold-sweeper");
        worker.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        worker.interrupt();
        try {
            worker.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (running) {
            try {
                int expired = inventory.expireDue(BATCH);
                if (expired > 0) {
                    LOG.fine(() -> "Released " + expired + " expired hold(s)");
                }
                if (failing) {
                    LOG.info("Hold sweep works again");
                    failing = false;
                }
                if (expired == BATCH) {
                    continue;
                }
            } catch (RuntimeException e) {
                // Reported once, not every half second for as long as the database is away.
                if (running && !failing) {
                    LOG.log(Level.WARNING, "Hold sweep failed, retrying until it works: " + DatabaseFailures.cause(e));
                    failing = true;
                }
            }
            try {
                Thread.sleep(sweepMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
