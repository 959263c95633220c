package io.quartermaster.platform.api.tx;

import io.quartermaster.platform.api.problem.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs a command in one short transaction and retries it, transparently and a bounded
 * number of times, when PostgreSQL aborted it as a deadlock victim (40P01) or for a
 * serialization failure (40001): both mean "nothing happened, try again". A lock wait
 * longer than the database's {@code lock_timeout} (55P03) is not retried here; it becomes
 * a 503 with {@code Retry-After}, so a caller never hangs on a hot row.
 *
 * <p>When the caller already has a transaction the work simply joins it (the caller's own
 * retry loop is the one that can start over) — a retry inside a transaction that the
 * database has already aborted could only fail again.
 */
@ApplicationScoped
public class Transactions {

    private static final Logger LOG = Logger.getLogger(Transactions.class.getName());
    static final int MAX_ATTEMPTS = 5;

    @Inject
    TransactionRunner runner;

    @Resource
    TransactionSynchronizationRegistry registry;

    public <T> T inTransaction(Supplier<T> work) {
        if (registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return runner.requiresNew(work);
            } catch (RuntimeException e) {
                String state = sqlState(e);
                if (("40P01".equals(state) || "40001".equals(state)) && attempt < MAX_ATTEMPTS) {
                    final int tried = attempt;
                    LOG.fine(() -> "Retrying after " + state + " (attempt " + tried + ")");
                    pause(attempt);
                    continue;
                }
                if ("55P03".equals(state)) {
                    throw new ProblemException(503, "Busy",
                            "The stock involved is busy; nothing was changed. Try again in a moment.",
                            Map.of("retryAfter", 1));
                }
                throw e;
            }
        }
    }

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** The SQLSTATE of the first SQL exception in the cause chain, if any. */
    public static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                return sql.getNextException().getSQLState();
            }
        }
        return null;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
