package io.quartermaster.platform.infrastructure;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A pause between polls that a signal cuts short: the background loops (outbox relay, webhook
 * senders) wait on it when they found no work, and a commit that gave them work signals it. A
 * signal that comes while nobody waits is kept, so the next pause returns at once instead of
 * sleeping through work that arrived between a poll and the pause.
 */
public final class Wakeup {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean signalled;

    public void signal() {
        lock.lock();
        try {
            signalled = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code millis} or until signalled; false when the thread was interrupted. */
    public boolean pause(long millis) {
        lock.lock();
        try {
            if (!signalled) {
                wake.await(millis, TimeUnit.MILLISECONDS);
            }
            signalled = false;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
