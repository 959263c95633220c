package io.quartermaster.erp.application;

import io.quartermaster.erp.api.LedgerViews.Reconciliation;
import io.quartermaster.erp.api.LedgerViews.TrialBalance;
import io.quartermaster.erp.domain.ledger.PostingRules;
import io.quartermaster.platform.api.check.InvariantCheck;
import io.quartermaster.platform.api.event.EventEnvelope;
import io.quartermaster.platform.api.event.EventLog;
import io.quartermaster.platform.api.event.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The books' part of the invariant checker: every entry balanced, the trial balance
 * balanced, stock valuation equal to the inventory account at rest (or every difference
 * explained by events still in flight for less than the threshold), every event the ERP
 * consumed that has postings has its entry, and every automatic entry its consumed event.
 * Runs in the caller's transaction (the checker's read-only snapshot).
 */
@ApplicationScoped
public class LedgerInvariants {

    @PersistenceContext(unitName = "erp")
    EntityManager em;

    @Inject
    Books books;

    @Inject
    EventLog events;

    public List<InvariantCheck> run(Duration inFlightThreshold, Instant now) {
        List<InvariantCheck> checks = new ArrayList<>();
        checks.add(entriesBalanced());
        checks.add(trialBalanceBalanced());
        checks.add(reconciled(inFlightThreshold, now));
        Set<UUID> consumed = events.consumed(LedgerPostings.CONSUMER, LedgerPostings.TYPES);
        Map<UUID, Long> autoEntries = autoEntries();
        checks.add(eventsHaveEntries(consumed, autoEntries.keySet()));
        checks.add(entriesHaveEvents(consumed, autoEntries));
        return checks;
    }

    private InvariantCheck entriesBalanced() {
        long entries = ((Number) em.createNativeQuery("select count(*) from erp.journal_entry").getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select e.id, count(l.line_no), coalesce(sum(l.debit), 0), coalesce(sum(l.credit), 0)
                  from erp.journal_entry e left join erp.journal_line l on l.entry_id = e.id
                 group by e.id
                having count(l.line_no) < 2 or coalesce(sum(l.debit), 0) <> coalesce(sum(l.credit), 0)
                 order by e.id limit 101""").getResultList();
        List<InvariantCheck.Violation> violations = new ArrayList<>();
        for (Object[] row : rows) {
            violations.add(new InvariantCheck.Violation("entry not balanced", Map.of("entryId", ((Number) row[0]).longValue(),
                    "lines", ((Number) row[1]).intValue(), "debits", row[2].toString(), "credits", row[3].toString())));
        }
        return new InvariantCheck("erp", "every journal entry is balanced (Σ debits = Σ credits, ≥ 2 lines)", entries, violations);
    }

    private InvariantCheck trialBalanceBalanced() {
        TrialBalance trial = books.trialBalance(null);
        List<InvariantCheck.Violation> violations = trial.totalDebit().compareTo(trial.totalCredit()) == 0 ? List.of()
                : List.of(new InvariantCheck.Violation("trial balance does not balance", Map.of(
                        "totalDebit", trial.totalDebit().toString(), "totalCredit", trial.totalCredit().toString())));
        return new InvariantCheck("erp", "trial balance: total debits = total credits", trial.lines().size(), violations);
    }

    private InvariantCheck reconciled(Duration threshold, Instant now) {
        Reconciliation r = books.reconciliation();
        List<InvariantCheck.Violation> violations = new ArrayList<>();
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("stockValuation", r.stockValuation().toString());
        rows.put("inventoryAccountBalance", r.inventoryAccountBalance().toString());
        rows.put("difference", r.difference().toString());
        rows.put("stockEventsNotPosted", r.stockEventsNotPosted());
        rows.put("oldestNotPosted", r.oldestNotPosted() == null ? null : r.oldestNotPosted().toString());
        if (r.atRest() && r.difference().signum() != 0) {
            violations.add(new InvariantCheck.Violation("stock valuation differs from the inventory account with no event in flight", rows));
        } else if (!r.atRest() && r.oldestNotPosted() != null && r.oldestNotPosted().isBefore(now.minus(threshold))) {
            violations.add(new InvariantCheck.Violation("stock events not posted for longer than " + threshold.toSeconds() + " s", rows));
        }
        return new InvariantCheck("erp", "stock valuation = inventory account (difference only from events in flight < "
                + threshold.toSeconds() + " s)", 1, violations);
    }

    private Map<UUID, Long> autoEntries() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select source_event_id::text, id from erp.journal_entry where kind = 'AUTO'")
                .getResultList();
        Map<UUID, Long> entries = new java.util.HashMap<>(rows.size() * 2);
        rows.forEach(r -> entries.put(UUID.fromString((String) r[0]), ((Number) r[1]).longValue()));
        return entries;
    }

    /** Only events still stored in the outbox can be re-read; older ones were checked while they were. */
    private InvariantCheck eventsHaveEntries(Set<UUID> consumed, Set<UUID> posted) {
        List<InvariantCheck.Violation> violations = new ArrayList<>();
        long checked = 0;
        for (EventEnvelope event : events.stored(LedgerPostings.TYPES)) {
            if (!consumed.contains(event.eventId())) {
                continue;
            }
            checked++;
            JsonObject payload = Jsonp.parseObject(event.payload());
            if (!PostingRules.postings(event.type(), payload).isEmpty() && !posted.contains(event.eventId())) {
                violations.add(new InvariantCheck.Violation("consumed event without its journal entry", Map.of(
                        "eventId", event.eventId().toString(), "type", event.type(), "occurredAt", event.occurredAt().toString())));
            }
        }
        return new InvariantCheck("erp", "every consumed event with postings has its journal entry", checked, violations);
    }

    private static InvariantCheck entriesHaveEvents(Set<UUID> consumed, Map<UUID, Long> entries) {
        List<InvariantCheck.Violation> violations = new ArrayList<>();
        entries.forEach((eventId, entryId) -> {
            if (!consumed.contains(eventId)) {
                violations.add(new InvariantCheck.Violation("automatic entry whose source event was never consumed",
                        Map.of("entryId", entryId, "sourceEventId", eventId.toString())));
            }
        });
        return new InvariantCheck("erp", "every automatic journal entry has its consumed source event", entries.size(), violations);
    }
}
