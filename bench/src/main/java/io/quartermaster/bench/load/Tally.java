package io.quartermaster.bench.load;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Everything one run counts, from many client threads at once. Latency and answers are
 * counted only inside the measured window; units sold are counted always (warm-up and
 * stragglers included), because the oversell check compares them with what the stock
 * rows lost over the whole run.
 */
final class Tally {

    private final Recorder latency = new Recorder(3);
    private final Histogram total = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    private final Map<Verdict, LongAdder> verdicts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder retries = new LongAdder();
    private final AtomicLongArray unitsSold = new AtomicLongArray(Workload.SKUS + 1);
    private final ConcurrentLinkedQueue<Cart> refused = new ConcurrentLinkedQueue<>();
    private final AtomicLong measuring = new AtomicLong();
    private final AtomicLong ordersAll = new AtomicLong();
    private volatile boolean open;
    private volatile Instant opened;
    private volatile Instant closed;

    void open() {
        latency.reset();
        opened = Instant.now();
        open = true;
    }

    void close() {
        open = false;
        closed = Instant.now();
        synchronized (total) {
            total.add(latency.getIntervalHistogram());
        }
    }

    boolean isOpen() {
        return open;
    }

    /** Records one finished attempt that took {@code micros} (from its intended start in open loop). */
    void record(Cart cart, Attempt attempt, long micros) {
        if (attempt.verdict() == Verdict.SOLD) {
            ordersAll.incrementAndGet();
            for (int i = 0; i < cart.lines(); i++) {
                unitsSold.addAndGet(cart.skus()[i], cart.quantities()[i]);
            }
        }
        if (!open) {
            return;
        }
        measuring.incrementAndGet();
        latency.recordValue(Math.max(1, Math.min(micros, total.getHighestTrackableValue())));
        verdicts.computeIfAbsent(attempt.verdict(), v -> new LongAdder()).increment();
        if (attempt.verdict() == Verdict.ERROR) {
            errors.computeIfAbsent(attempt.answer(), a -> new LongAdder()).increment();
        }
        retries.add(attempt.retries());
        if (attempt.verdict() == Verdict.OUT_OF_STOCK || attempt.verdict() == Verdict.REFUSED) {
            refused.add(cart);
        }
    }

    long count(Verdict verdict) {
        LongAdder n = verdicts.get(verdict);
        return n == null ? 0 : n.sum();
    }

    /** Orders accepted over the whole run, warm-up and stragglers included. */
    long ordersAll() {
        return ordersAll.get();
    }

    /** When the measured window opened and closed. */
    Instant opened() {
        return opened;
    }

    Instant closed() {
        return closed;
    }

    long requests() {
        return measuring.get();
    }

    long retries() {
        return retries.sum();
    }

    /** The answers of the attempts that ended in {@link Verdict#ERROR}, counted by answer. */
    Map<String, Long> errors() {
        Map<String, Long> counts = new TreeMap<>();
        errors.forEach((a, n) -> counts.put(a, n.sum()));
        return counts;
    }

    Histogram latency() {
        synchronized (total) {
            return total.copy();
        }
    }

    long unitsSold(int sku) {
        return unitsSold.get(sku);
    }

    List<Cart> refused() {
        return List.copyOf(refused);
    }
}
