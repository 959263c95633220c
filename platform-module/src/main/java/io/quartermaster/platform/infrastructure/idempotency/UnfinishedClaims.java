package io.quartermaster.platform.infrastructure.idempotency;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Claims whose call is over but whose answer could not be stored, or whose release failed,
 * because the database failed under them. Left alone, such a claim keeps its retries waiting
 * "in progress" for the whole lease while this instance's liveness session lives on (a pooled
 * connection broken by a restart, the liveness session already taken again). Kept here and
 * finished every second until the database takes it; each finish applies only while the claim
 * is still the one this instance made, so a retry that took the key over meanwhile is never
 * overwritten. When the instance dies first, its liveness session goes with it and the retry
 * takes the key over anyway.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UnfinishedClaims {

    /** Beyond this many (a long outage under load), the oldest wait for their lease instead. */
    static final int LIMIT = 10_000;

    private static final Logger LOG = Logger.getLogger(UnfinishedClaims.class.getName());

    /** A claim to finish: with an answer to store, or released when {@code status} is 0. */
    public record Unfinished(String client, String key, int owner, int status, String contentType, String body) {
    }

    @Inject
    JpaIdempotencyKeys keys;

    private final Queue<Unfinished> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean overflowReported = new AtomicBoolean();

    public void add(Unfinished claim) {
        if (size.incrementAndGet() > LIMIT) {
            size.decrementAndGet();
            if (overflowReported.compareAndSet(false, true)) {
                LOG.warning(() -> LIMIT + " Idempotency-Keys wait to be finished; further ones are taken over by "
                        + "their retries when their lease runs out");
            }
            return;
        }
        waiting.add(claim);
    }

    public int waiting() {
        return size.get();
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void finish() {
        if (waiting.isEmpty() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            Unfinished next;
            while ((next = waiting.peek()) != null) {
                keys.finish(next); // throws while the database still fails: the rest waits for the next second
                waiting.poll();
                size.decrementAndGet();
            }
            overflowReported.set(false);
        } catch (RuntimeException stillFailing) {
            // tried again in a second
        } finally {
            running.set(false);
        }
    }
}
