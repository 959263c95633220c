package io.quartermaster.orders.application;

import io.quartermaster.platform.api.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admission control for the transactions that lock stock rows (placing and confirming a
 * hold): at most {@code qm.orders.max-concurrent} of them run at once per instance, the
 * others wait their turn (fairly) <em>before</em> taking a connection or a lock.
 *
 * <p>Why: a transaction holding a hot stock row must finish quickly. With dozens of requests
 * running at once on a small machine, the holder is descheduled while the others burn the
 * CPU on work that will only queue behind its lock — the benchmark measured the hot-SKU
 * throughput falling as clients were added (bench/README.md). A short queue in front keeps
 * the holder running. 0 turns the gate off.
 */
@ApplicationScoped
public class StockAdmission {

    @Inject
    @ConfigProperty(name = "qm.orders.max-concurrent", defaultValue = "4")
    int maxConcurrent;

    @Inject
    @ConfigProperty(name = "qm.orders.admission-wait-seconds", defaultValue = "10")
    int waitSeconds;

    private Semaphore gate;

    @PostConstruct
    void init() {
        gate = maxConcurrent > 0 ? new Semaphore(maxConcurrent, true) : null;
    }

    public <T> T admit(Supplier<T> work) {
        if (gate == null) {
            return work.get();
        }
        try {
            if (!gate.tryAcquire(waitSeconds, TimeUnit.SECONDS)) {
                throw new ProblemException(503, "Busy", "Too many orders are being placed right now; nothing was "
                        + "changed. Try again in a moment.", Map.of("retryAfter", 1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "Busy", "Interrupted while waiting to place the order; nothing was changed.",
                    Map.of("retryAfter", 1));
        }
        try {
            return work.get();
        } finally {
            gate.release();
        }
    }
}
