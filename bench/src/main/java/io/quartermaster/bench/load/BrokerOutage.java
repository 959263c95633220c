package io.quartermaster.bench.load;

import static io.quartermaster.bench.load.Bench.progress;

import java.time.Duration;

/**
 * Stops the broker {@code afterSeconds} into the measured window for {@code downSeconds}, then
 * times the catch-up: until the oldest event not yet published or not yet posted by the ERP
 * is under a second old again, with the load still arriving.
 */
final class BrokerOutage {
    private final Testbed bed;
    private final int warmupSeconds;
    final int afterSeconds;
    final int downSeconds;
    private Thread thread;
    private volatile long mark;
    private volatile double catchUpSeconds = -1;
    private volatile String failure;

    BrokerOutage(Testbed bed, int warmupSeconds, int afterSeconds, int downSeconds) {
        this.bed = bed;
        this.warmupSeconds = warmupSeconds;
        this.afterSeconds = afterSeconds;
        this.downSeconds = downSeconds;
    }

    void start(long outboxMark) {
        mark = outboxMark;
        thread = new Thread(this::run, "broker-outage");
        thread.start();
    }

    private void run() {
        try {
            Thread.sleep((warmupSeconds + afterSeconds) * 1000L);
            progress("W6: broker stopped for %d s under load ...", downSeconds);
            bed.stack().stopBroker();
            Thread.sleep(downSeconds * 1000L);
            bed.stack().startBroker();
            long back = System.nanoTime();
            progress("W6: broker back; timing the catch-up ...");
            while (System.nanoTime() - back < Duration.ofMinutes(3).toNanos()) {
                if (bed.books().oldestInFlight(mark) < 1.0) {
                    catchUpSeconds = (System.nanoTime() - back) / 1e9;
                    progress("W6: caught up %.1f s after the broker came back", catchUpSeconds);
                    return;
                }
                Thread.sleep(250);
            }
        } catch (Exception e) {
            failure = e.toString();
        }
    }

    void await() throws InterruptedException {
        if (thread != null) {
            thread.join();
        }
    }

    String report() {
        if (failure != null) {
            return "the outage could not be run: " + failure;
        }
        return downSeconds + " s, from " + afterSeconds + " s into the measured window; "
                + (catchUpSeconds < 0 ? "**not caught up within 3 min** of its return"
                : "caught up (oldest event not yet published or posted < 1 s old) %.1f s after the broker came back"
                .formatted(catchUpSeconds));
    }

    double catchUpSeconds() {
        return catchUpSeconds;
    }
}
