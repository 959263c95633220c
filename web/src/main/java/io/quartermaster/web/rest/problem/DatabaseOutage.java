package io.quartermaster.web.rest.problem;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The log of a database outage as an operator wants it — a full disk, a restart, a lost
 * network: one line when the first request is answered 503, one when an API request is answered
 * normally again, with how long it lasted and how many 503s it cost. Not a line per request
 * (the full-disk trial wrote 16,000 lines of stack traces in 30 s).
 */
public final class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class.getName());

    /** When the outage began (System.nanoTime()), or null while there is none. */
    private static final AtomicReference<Long> SINCE = new AtomicReference<>();
    private static final AtomicLong ANSWERED = new AtomicLong();
    private static final AtomicLong LAST_503 = new AtomicLong(Long.MIN_VALUE);
    private static final AtomicReference<String> CAUSE = new AtomicReference<>();

    private DatabaseOutage() {
    }

    /** A request answered 503 because the database is unavailable. */
    static void answered503(Throwable cause) {
        ANSWERED.incrementAndGet();
        LAST_503.set(System.nanoTime());
        CAUSE.set(firstLine(rootMessage(cause)));
        if (SINCE.compareAndSet(null, System.nanoTime())) {
            LOG.warning(() -> "Database unavailable: answering 503 with Retry-After until it is back ("
                    + cause.getClass().getSimpleName() + ": " + firstLine(rootMessage(cause)) + ")");
        }
    }

    /** A request answered without a server error: if an outage was on, it is over. */
    public static void answeredNormally() {
        Long since = SINCE.get();
        if (since != null && SINCE.compareAndSet(since, null)) {
            long answered = ANSWERED.getAndSet(0);
            long seconds = Math.round((System.nanoTime() - since) / 1e9);
            LOG.warning(() -> "Database available again after " + seconds + " s; " + answered
                    + " request(s) were answered 503 meanwhile");
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

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t.getCause() != null && t.getCause() != t && depth < 30; depth++) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    private static String firstLine(String s) {
        int newline = s.indexOf('\n');
        return newline < 0 ? s : s.substring(0, newline);
    }
}
