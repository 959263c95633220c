package io.quartermaster.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator. Closed loop: N clients, each sends its next order when the previous
 * one was answered (throughput at a given concurrency). Open loop: orders arrive at a fixed
 * rate whether or not earlier ones were answered, and each latency is measured from the
 * moment the order was <em>due</em>, so a stall shows up in the percentiles instead of
 * silently slowing the senders down (coordinated omission).
 */
final class Load {

    private Load() {
    }

    static Tally closed(Contender contender, Workload workload, int clients, Duration warmup, Duration measure,
                        String label) throws InterruptedException {
        Tally tally = new Tally();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    Cart cart = workload.next();
                    long started = System.nanoTime();
                    try {
                        Attempt attempt = contender.buy(cart);
                        tally.record(cart, attempt, (System.nanoTime() - started) / 1000);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        tally.record(cart, new Attempt(Verdict.ERROR, e.getClass().getSimpleName(), 0),
                                (System.nanoTime() - started) / 1000);
                    }
                }
            }, "client-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        window(tally, warmup, measure, label);
        stop.set(true);
        for (Thread t : threads) {
            t.join(TimeUnit.MINUTES.toMillis(2));
        }
        return tally;
    }

    static Tally open(Contender contender, Workload workload, double perSecond, Duration warmup, Duration measure,
                      int maxThreads, String label) throws InterruptedException {
        Tally tally = new Tally();
        ExecutorService senders = Executors.newFixedThreadPool(maxThreads, r -> {
            Thread t = new Thread(r, "sender");
            t.setDaemon(true);
            return t;
        });
        long interval = (long) (1_000_000_000L / perSecond);
        long start = System.nanoTime();
        long end = start + warmup.toNanos() + measure.toNanos();
        Thread pacer = new Thread(() -> {
            for (long i = 0; ; i++) {
                long due = start + i * interval;
                if (due >= end) {
                    return;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                senders.execute(() -> {
                    Cart cart = workload.next();
                    try {
                        Attempt attempt = contender.buy(cart);
                        tally.record(cart, attempt, (System.nanoTime() - due) / 1000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        tally.record(cart, new Attempt(Verdict.ERROR, e.getClass().getSimpleName(), 0),
                                (System.nanoTime() - due) / 1000);
                    }
                });
            }
        }, "pacer");
        pacer.setDaemon(true);
        pacer.start();
        window(tally, warmup, measure, label);
        pacer.join();
        senders.shutdown();
        if (!senders.awaitTermination(2, TimeUnit.MINUTES)) {
            senders.shutdownNow();
        }
        return tally;
    }

    /** Warm-up, then the measured window with a progress line every 5 s. */
    private static void window(Tally tally, Duration warmup, Duration measure, String label) throws InterruptedException {
        Thread.sleep(warmup.toMillis());
        tally.open();
        long started = System.nanoTime();
        long end = started + measure.toNanos();
        long nextReport = started + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            Thread.sleep(Math.max(1, Math.min(250, (end - System.nanoTime()) / 1_000_000)));
            if (System.nanoTime() >= nextReport && System.nanoTime() < end) {
                double seconds = (System.nanoTime() - started) / 1e9;
                Bench.progress("%s: %.0f s of %d, %,d sold (%.0f/s)", label, seconds, measure.toSeconds(),
                        tally.count(Verdict.SOLD), tally.count(Verdict.SOLD) / seconds);
                nextReport += TimeUnit.SECONDS.toNanos(5);
            }
        }
        tally.close();
    }
}
