package io.quartermaster.web.it;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Waits for asynchronous outcomes (events arriving) without fixed sleeps; fails with the last value seen. */
public final class Poll {

    private Poll() {
    }

    public static <T> T until(Callable<T> probe, Predicate<T> done, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.call();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + "; last seen: " + last);
            }
            Thread.sleep(100);
            last = probe.call();
        }
        return last;
    }
}
