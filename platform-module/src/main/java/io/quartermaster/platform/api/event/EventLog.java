package io.quartermaster.platform.api.event;

import io.quartermaster.platform.api.check.InvariantCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The one read side of the events: what the outbox still keeps (published rows are purged after the
 * retention period), what each consumer recorded as handled, and what a consumer has not handled
 * yet — what the modules' invariant checks and the books' reconciliation compare their own rows with.
 * {@code JpaEventLog} in the platform's infrastructure reads it from PostgreSQL.
 */
public interface EventLog {

    /** Events per page of {@link #forEachStored}: what one check holds in memory at a time. */
    int PAGE = 2_000;

    /** How many events of some types a consumer has not handled yet, and when the oldest happened. */
    record Pending(long count, Instant oldest) {
    }

    /**
     * Every stored event of these types, oldest first, handed over a page at a time: the outbox
     * keeps days of events (millions at a few hundred orders per second), more than a heap holds
     * at once — the invariant checker ran out of memory on the bench's 1 GB when it read them all.
     */
    void forEachStored(Collection<String> types, java.util.function.Consumer<List<EventEnvelope>> page);

    /** Which of these events {@code consumer} recorded as handled. */
    Set<UUID> consumedAmong(String consumer, Collection<UUID> eventIds);

    /** When the oldest event still stored happened; null when the outbox is empty. */
    Instant retainedSince();

    /** No event waits unpublished in the outbox for longer than {@code threshold}. */
    InvariantCheck unpublishedCheck(Duration threshold, Instant now);

    /** Events in the outbox not published yet, and the age of the oldest. */
    Map<String, Object> backlog(Instant now);

    /**
     * Events of these types stored in the outbox (published or not) with no consumed record for
     * {@code consumer}: what explains a difference that is not zero "at rest".
     */
    Pending pending(String consumer, Collection<String> types);
}
