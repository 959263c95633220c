package io.quartermaster.web.rest.problem;

import io.quartermaster.platform.api.tx.DatabaseFailures;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The log of a database outage as an operator wants it — a full disk, a restart, a lost
 * network: one line when the first request is answered 503, one line for each of the first
 * {@link #SAMPLED_CAUSES} different causes after it, and one when an API request is answered
 * normally again, with how long it lasted, how many 503s it cost and how often each sampled
 * cause was seen. Not a line per request (the full-disk trial wrote 132,000 lines of stack traces
 * in 20 s: EclipseLink's and the transaction manager's per-statement warnings, now off — see the
 * persistence units and the launcher's logging properties).
 */
public final class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class.getName());

    /** When the outage began (System.nanoTime()), or null while there is none. */
    private static final AtomicReference<Long> SINCE = new AtomicReference<>();
    private static final AtomicLong ANSWERED = new AtomicLong();
    private static final AtomicLong LAST_503 = new AtomicLong(Long.MIN_VALUE);
    private static final AtomicReference<String> CAUSE = new AtomicReference<>();

    /** The most different causes one outage logs (each once, then counted). */
    static final int SAMPLED_CAUSES = 3;
    private static final int CAUSE_CHARS = 200;
    /** This outage's sampled causes, first line of the root message → how often it was seen. */
    private static final java.util.Map<String, AtomicLong> CAUSES = new java.util.concurrent.ConcurrentHashMap<>();

    private DatabaseOutage() {
    }

    /** A request answered 503 because the database is unavailable. */
    static void answered503(Throwable cause) {
        ANSWERED.incrementAndGet();
        LAST_503.set(System.nanoTime());
        String message = abbreviate(DatabaseFailures.cause(cause));
        CAUSE.set(message);
        if (SINCE.compareAndSet(null, System.nanoTime())) {
            CAUSES.clear();
            CAUSES.put(message, new AtomicLong(1));
            LOG.warning(() -> "Database unavailable: answering 503 with Retry-After until it is back ("
                    + cause.getClass().getSimpleName() + ": " + message + ")");
            return;
        }
        AtomicLong seen = CAUSES.get(message);
        if (seen != null) {
            seen.incrementAndGet();
        } else if (CAUSES.size() < SAMPLED_CAUSES && CAUSES.putIfAbsent(message, new AtomicLong(1)) == null) {
            LOG.warning(() -> "Database still unavailable, another cause (" + cause.getClass().getSimpleName() + ": "
                    + message + ")");
        }
    }

    /** A request answered without a server error: if an outage was on, it is over. */
    public static void answeredNormally() {
        Long since = SINCE.get();
        if (since != null && SINCE.compareAndSet(since, null)) {
            long answered = ANSWERED.getAndSet(0);
            long seconds = Math.round((System.nanoTime() - since) / 1e9);
            String causes = CAUSES.entrySet().stream()
                    .map(e -> e.getValue().get() + " × " + e.getKey())
                    .collect(java.util.stream.Collectors.joining("; "));
            LOG.warning(() -> "Database available again after " + seconds + " s; " + answered
                    + " request(s) were answered 503 meanwhile" + (causes.isEmpty() ? "" : " (" + causes + ")"));
        }
    }

    /**
     * Why the database refused work within the last {@code seconds}, or null: for readiness, which
     * a connection check alone would report UP on a full disk (the server answers; it cannot write).
     * A time window rather than "until a request succeeds", so that a load balancer that stopped
     * sending traffic on DOWN sends it again to find out.
     */
    public static String refusingWithin(long seconds) {
        long last = LAST_503.get();
        return last != Long.MIN_VALUE && System.nanoTime() - last < seconds * 1_000_000_000L ? CAUSE.get() : null;
    }

    private static String abbreviate(String s) {
        return s.length() <= CAUSE_CHARS ? s : s.substring(0, CAUSE_CHARS) + "…";
    }

}
