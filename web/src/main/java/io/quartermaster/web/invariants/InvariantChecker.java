package io.quartermaster.web.invariants;

import io.quartermaster.erp.api.LedgerFacade;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.orders.api.OrderFacade;
import io.quartermaster.platform.api.check.InvariantCheck;
import io.quartermaster.platform.api.event.EventLog;
import io.quartermaster.platform.api.messaging.DeadLetter;
import io.quartermaster.platform.api.messaging.DeadLetterFacade;
import io.quartermaster.platform.api.tx.TransactionRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Verifies the whole system: every module's rules, read in one database snapshot so that
 * rows committed together are seen together even while orders keep coming in. Dead letters
 * are listed, not counted as violations: a message there is parked, visible and retriable,
 * not lost.
 */
@ApplicationScoped
public class InvariantChecker {

    private static final Logger LOG = Logger.getLogger(InvariantChecker.class.getName());

    @Inject
    InventoryFacade inventory;

    @Inject
    OrderFacade orders;

    @Inject
    LedgerFacade ledger;

    @Inject
    EventLog events;

    @Inject
    DeadLetterFacade deadLetters;

    @Inject
    TransactionRunner transactions;

    @Inject
    Clock clock;

    public record Report(Instant checkedAt, boolean ok, long violations, long millis, Map<String, Object> outbox,
                         List<InvariantCheck> checks, List<DeadLetter> deadLetters) {
    }

    public Report check(Duration threshold) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        record Snapshot(List<InvariantCheck> checks, Map<String, Object> outbox) {
        }
        Snapshot snapshot = transactions.readOnlySnapshot(() -> {
            List<InvariantCheck> checks = new ArrayList<>(inventory.invariants());
            checks.addAll(orders.invariants());
            checks.addAll(ledger.invariants(threshold, now));
            checks.add(events.unpublishedCheck(threshold, now));
            return new Snapshot(checks, events.backlog(now));
        });
        List<DeadLetter> parked = deadLetters.list();
        long violations = snapshot.checks().stream().mapToLong(c -> c.violations().size()).sum();
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (violations > 0) {
            LOG.warning(() -> "Invariant check: " + violations + " violation(s) in " + snapshot.checks().stream()
                    .filter(c -> !c.ok()).map(c -> c.module() + ": " + c.rule()).toList());
        } else {
            LOG.info(() -> "Invariant check: all " + snapshot.checks().size() + " rules hold (" + millis + " ms)");
        }
        return new Report(now, violations == 0, violations, millis, snapshot.outbox(), snapshot.checks(), parked);
    }
}
