package io.quartermaster.platform.domain.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops password guessing: after {@link #MAX_FAILURES} wrong passwords for one username within
 * {@link #WINDOW}, further attempts for that username are refused without looking at the password
 * for as long as five failures lie within the last {@link #WINDOW} (blocked attempts do not count,
 * so the block ends at most one window after the fifth failure). A right password clears the count. Per instance and in memory: it
 * slows guessing down by orders of magnitude, which is its job; it is not an audit trail.
 */
public final class SignInThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public boolean blocked(String username, Instant now) {
        Deque<Instant> times = failures.get(key(username));
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times, now);
            return times.size() >= MAX_FAILURES;
        }
    }

    public void failed(String username, Instant now) {
        if (failures.size() > MAX_TRACKED) {
            failures.clear();
        }
        Deque<Instant> times = failures.computeIfAbsent(key(username), k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private static void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
            times.removeFirst();
        }
    }

    private static String key(String username) {
        return username.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
