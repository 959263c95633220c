package io.quartermaster.platform.api.tx;

import io.quartermaster.platform.api.problem.ProblemException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Set;

/**
 * Tells "the database cannot be reached right now" apart from every other failure: no
 * connection could be made or allocated, the connection broke, or the server is shutting
 * down or starting up. Those failures are the operator's, not the caller's and not a bug:
 * the API answers 503 with {@code Retry-After}, consumers wait and try the same message
 * again instead of burning its delivery attempts.
 */
public final class DatabaseFailures {

    /** Seconds a caller is asked to wait before retrying while the database is away. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /**
     * 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now; class 53, insufficient
     * resources: 53000, 53100 disk full ("could not extend file"), 53200 out of memory, 53300 too many
     * connections. A full disk is an outage like any other: 503, and the work is done when space is back.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53000", "53100", "53200", "53300");

    private DatabaseFailures() {
    }

    public static boolean unavailable(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 30; t = t.getCause() == t ? null : t.getCause(), depth++) {
            // XAException: the resource failed in commit/rollback (the pool wraps the connection's loss in it,
            // with the server's message but without its SQLSTATE).
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException
                    || t instanceof javax.transaction.xa.XAException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    String state = s.getSQLState();
                    if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                        return true;
                    }
                }
            }
            String name = t.getClass().getName();
            String message = String.valueOf(t.getMessage());
            // Payara's pool: "Error in allocating a connection. Cause: Connection could not be allocated …"
            if (name.endsWith("ResourceAllocationException") || name.endsWith("PoolingException")
                    || message.contains("Error in allocating a connection")
                    || message.contains("This connection has been closed")
                    // a commit whose connection broke: the outcome is unknown, the retry (same key) finds out
                    || message.contains("physical connection is not usable")
                    || message.contains("terminating connection due to administrator command")
                    || message.contains("the database system is shutting down")
                    || message.contains("the database system is starting up")) {
                return true;
            }
        }
        return false;
    }

    /**
     * What went wrong in one line, for a log: the first line of the innermost cause's message
     * (EclipseLink's own message runs to a dozen lines, with the SQL and its bindings).
     */
    public static String cause(Throwable failure) {
        String message = null;
        Throwable innermost = failure;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 30; t = t.getCause() == t ? null : t.getCause(), depth++) {
            innermost = t;
            message = t.getMessage() == null ? message : t.getMessage();
        }
        if (message == null) {
            return innermost.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The answer an API caller gets while the database is away. */
    public static ProblemException problem() {
        return new ProblemException(503, "Database unavailable",
                "The database cannot be reached right now. Try again shortly with the same Idempotency-Key: "
                        + "a request is never carried out twice.",
                Map.of("retryAfter", RETRY_AFTER_SECONDS));
    }
}
