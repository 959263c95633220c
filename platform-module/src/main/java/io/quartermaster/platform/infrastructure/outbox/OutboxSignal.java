package io.quartermaster.platform.infrastructure.outbox;

import io.quartermaster.platform.infrastructure.Wakeup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What wakes this instance's {@link OutboxRelay} after a commit that stored events, so they
 * leave within milliseconds rather than at the next poll. {@link JpaOutbox} signals it from a
 * JTA synchronization of the storing transaction: a plain call once per commit, where a CDI
 * transactional observer cost a notification (a request context, a lookup, a call into the
 * relay singleton) on the committing thread — the stock batch's — before its answers.
 */
@ApplicationScoped
public class OutboxSignal {

    private final Wakeup wakeup = new Wakeup();

    /** The wake-up itself, to be signalled from a synchronization without going through this bean's proxy. */
    public Wakeup wakeup() {
        return wakeup;
    }
}
