package io.quartermaster.orders.application;

import io.quartermaster.orders.api.StockBatchSizes;
import io.quartermaster.orders.api.refusal.Busy;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.platform.api.tx.DatabaseFailures;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The queue in front of the stock rows (DESIGN.md §2 "Group commit"). Requests that lock stock
 * wait here; a worker takes everything waiting (up to {@code qm.stock.batch-size}) and applies
 * it as one {@link StockBatch} — one lock of the rows, one commit. There is no timer: a batch
 * forms while the previous one commits, and a request alone is a batch of one that waits for
 * nobody. A full queue answers 503 at once.
 *
 * <p>A batch that fails is retried request by request, so one bad request never fails its
 * neighbours. A batch whose outcome is unknown (the connection broke around the commit, a
 * lock wait ran out) is not retried: every request in it gets the failure (503), and the
 * client's retry with the same Idempotency-Key finds what the first attempt did.
 */
@ApplicationScoped
public class StockBatcher {

    private static final Logger LOG = Logger.getLogger(StockBatcher.class.getName());

    /** Batch sizes counted in buckets 1, 2–3, 4–7, … 128+: what the benchmark reports. */
    private static final int BUCKETS = 8;

    @Inject
    StockBatch batch;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "qm.stock.batch-size", defaultValue = "64")
    int batchSize;

    @Inject
    @ConfigProperty(name = "qm.stock.queue-capacity", defaultValue = "2000")
    int queueCapacity;

    @Inject
    @ConfigProperty(name = "qm.stock.batch-workers", defaultValue = "2")
    int workerCount;

    @Inject
    @ConfigProperty(name = "qm.stock.answer-timeout-seconds", defaultValue = "30")
    int answerTimeoutSeconds;

    private record Pending(StockRequest request, CompletableFuture<Object> answer) {
    }

    private LinkedBlockingDeque<Pending> queue;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLongArray batchSizes = new AtomicLongArray(BUCKETS);
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean running;

    @PostConstruct
    void start() {
        queue = new LinkedBlockingDeque<>(queueCapacity);
        running = true;
        for (int i = 1; i <= Math.max(1, workerCount); i++) {
            Thread worker = threads.newThread(this::loop);
            worker.setName("stock-batch-" + i);
            worker.start();
            workers.add(worker);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.answer().completeExceptionally(busy("The server is shutting down; nothing was changed."));
        }
    }

    /**
     * Waits for the batch that carries this request and answers what it decided.
     *
     * @return the request's answer (see {@link StockBatch}); a refusal is thrown
     */
    public Object submit(StockRequest request) {
        Pending pending = new Pending(request, new CompletableFuture<>());
        if (!queue.offerLast(pending)) {
            throw busy("Too many orders are waiting right now; nothing was changed. Try again in a moment.");
        }
        try {
            return pending.answer().get(answerTimeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new Busy("The order could not be settled in time; it may or may not have "
                    + "been placed. Try again with the same Idempotency-Key to find out.", Map.of("retryAfter", 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy("Interrupted while waiting; try again with the same Idempotency-Key.");
        }
    }

    /** How many batches had 1, 2–3, 4–7, 8–15, 16–31, 32–63, 64–127 and 128 or more requests. */
    public StockBatchSizes sizes() {
        List<StockBatchSizes.Bucket> buckets = new ArrayList<>();
        long batches = 0;
        for (int i = 0; i < BUCKETS; i++) {
            int from = 1 << i;
            String label = i == BUCKETS - 1 ? from + "+" : from == 1 ? "1" : from + "-" + (2 * from - 1);
            buckets.add(new StockBatchSizes.Bucket(label, batchSizes.get(i)));
            batches += batchSizes.get(i);
        }
        return new StockBatchSizes(batches, requests.get(), buckets);
    }

    private void loop() {
        while (running) {
            List<Pending> taken = new ArrayList<>();
            try {
                Pending first = queue.pollFirst(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                queue.drainTo(taken, batchSize - 1);
            } catch (InterruptedException e) {
                return;
            }
            // Two requests about one checkout (a client's retry racing its first attempt) go to
            // separate batches: the later one must see what the earlier one did.
            Set<java.util.UUID> checkouts = new HashSet<>();
            List<Pending> batchOf = new ArrayList<>();
            List<Pending> later = new ArrayList<>();
            for (Pending p : taken) {
                (checkouts.add(p.request().checkoutId()) ? batchOf : later).add(p);
            }
            for (int i = later.size() - 1; i >= 0; i--) {
                queue.offerFirst(later.get(i));
            }
            count(batchOf.size());
            apply(batchOf);
        }
    }

    private void apply(List<Pending> pending) {
        List<Object> answers;
        try {
            StockBatch.Done done = batch.run(pending.stream().map(Pending::request).toList());
            done.committed().forEach(Runnable::run);
            answers = done.answers();
        } catch (RuntimeException e) {
            if (pending.size() == 1 || outcomeUnknown(e)) {
                pending.forEach(p -> p.answer().completeExceptionally(e));
                return;
            }
            LOG.log(Level.FINE, "A batch of " + pending.size() + " failed; applying its requests one by one", e);
            pending.forEach(p -> apply(List.of(p)));
            return;
        } catch (Error e) {
            pending.forEach(p -> p.answer().completeExceptionally(e));
            throw e;
        }
        for (int i = 0; i < pending.size(); i++) {
            Object answer = answers.get(i);
            if (answer instanceof RuntimeException refusal) {
                pending.get(i).answer().completeExceptionally(refusal);
            } else {
                pending.get(i).answer().complete(answer);
            }
        }
    }

    /** Whether the batch may have committed, or would only fail again request by request. */
    private static boolean outcomeUnknown(RuntimeException e) {
        return DatabaseFailures.unavailable(e) || e instanceof ProblemException problem && problem.temporary();
    }

    private void count(int size) {
        int bucket = Math.min(BUCKETS - 1, 31 - Integer.numberOfLeadingZeros(size));
        batchSizes.incrementAndGet(bucket);
        requests.addAndGet(size);
    }

    private static Busy busy(String detail) {
        return new Busy(detail, Map.of("retryAfter", 1));
    }
}
