package io.quartermaster.platform.domain.webhook;

import java.time.Duration;

/**
 * When a failed delivery is tried again: exponential backoff from {@code base} (30 s in
 * production, so the first retry comes within a minute), doubling per attempt up to an hour,
 * each delay drawn between half and all of its value (jitter, so that the deliveries a receiver's
 * outage held back do not all come back in the same second). A delivery whose first attempt is
 * older than {@code giveUpAfter} (24 h) is not tried again: it is FAILED, and can be redelivered.
 */
public record RetrySchedule(Duration base, Duration max, Duration giveUpAfter) {

    public RetrySchedule {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("retry schedule " + base + " … " + max + ", give up after " + giveUpAfter);
        }
    }

    /**
     * @param attempts how many attempts have failed, this one included (1 after the first)
     * @param random   a number in [0, 1)
     */
    public Duration delayAfter(int attempts, double random) {
        long baseMillis = base.toMillis();
        long full = baseMillis << Math.min(Math.max(attempts - 1, 0), 30);
        if (full <= 0 || full > max.toMillis()) {
            full = max.toMillis();
        }
        return Duration.ofMillis(full / 2 + (long) (full / 2.0 * random));
    }
}
