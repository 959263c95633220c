package io.quartermaster.erp.application;

import io.quartermaster.erp.api.LedgerViews.Reconciliation;
import io.quartermaster.erp.api.LedgerViews.TrialBalance;
import io.quartermaster.erp.domain.ledger.PostingRules;
import io.quartermaster.platform.api.check.InvariantCheck;
import io.quartermaster.platform.api.event.EventEnvelope;
import io.quartermaster.platform.api.event.EventLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    Statements statements;

    @Inject
    EventLog events;

    public List<InvariantCheck> run(Duration inFlightThreshold, Instant now) {
        List<InvariantCheck> checks = new ArrayList<>();
        checks.add(entriesBalanced());
        checks.add(trialBalanceBalanced());
        checks.add(reconciled(inFlightThreshold, now));
        checks.add(eventsHaveEntries());
        checks.add(entriesHaveEvents());
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
        TrialBalance trial = statements.trialBalance(null);
        List<InvariantCheck.Violation> violations = trial.totalDebit().compareTo(trial.totalCredit()) == 0 ? List.of()
                : List.of(new InvariantCheck.Violation("trial balance does not balance", Map.of(
                        "totalDebit", trial.totalDebit().toString(), "totalCredit", trial.totalCredit().toString())));
        return new InvariantCheck("erp", "trial balance: total debits = total credits", trial.lines().size(), violations);
    }

    private InvariantCheck reconciled(Duration threshold, Instant now) {
        Reconciliation r = statements.reconciliation();
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

    /** At most this many violations are listed per check (the count of what was checked stays exact). */
    private static final int MAX_LISTED = 100;

    /**
     * Only events still stored in the outbox can be re-read; older ones were checked while they
     * were. A page of events at a time, so the check's memory does not grow with the outbox.
     */
    private InvariantCheck eventsHaveEntries() {
        List<InvariantCheck.Violation> violations = new ArrayList<>();
        long[] checked = {0};
        events.forEachStored(LedgerPostings.TYPES, page -> {
            List<UUID> ids = page.stream().map(EventEnvelope::eventId).toList();
            Set<UUID> consumed = events.consumedAmong(LedgerPostings.CONSUMER, ids);
            Set<UUID> posted = postedAmong(ids);
            for (EventEnvelope event : page) {
                if (!consumed.contains(event.eventId())) {
                    continue;
                }
                checked[0]++;
                if (!PostingRules.postings(event.type(), event.payloadObject()).isEmpty() && !posted.contains(event.eventId())
                        && violations.size() < MAX_LISTED) {
                    violations.add(new InvariantCheck.Violation("consumed event without its journal entry", Map.of(
                            "eventId", event.eventId().toString(), "type", event.type(), "occurredAt", event.occurredAt().toString())));
                }
            }
        });
        return new InvariantCheck("erp", "every consumed event with postings has its journal entry", checked[0], violations);
    }

    private Set<UUID> postedAmong(List<UUID> eventIds) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select source_event_id::text from erp.journal_entry "
                        + "where source_event_id = any(cast(?1 as uuid[]))")
                .setParameter(1, eventIds.stream().map(UUID::toString).toArray(String[]::new))
                .getResultList();
        Set<UUID> posted = new java.util.HashSet<>(rows.size() * 2);
        rows.forEach(id -> posted.add(UUID.fromString((String) id)));
        return posted;
    }

    /** Every automatic entry, a page at a time (by id), against what the ERP's consumer recorded. */
    private InvariantCheck entriesHaveEvents() {
        List<InvariantCheck.Violation> violations = new ArrayList<>();
        long checked = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, source_event_id::text from erp.journal_entry "
                            + "where kind = 'AUTO' and id > ?1 order by id limit " + EventLog.PAGE)
                    .setParameter(1, after)
                    .getResultList();
            if (rows.isEmpty()) {
                break;
            }
            Map<UUID, Long> entries = new LinkedHashMap<>();
            rows.forEach(r -> entries.put(UUID.fromString((String) r[1]), ((Number) r[0]).longValue()));
            Set<UUID> consumed = events.consumedAmong(LedgerPostings.CONSUMER, entries.keySet());
            for (Map.Entry<UUID, Long> e : entries.entrySet()) {
                if (!consumed.contains(e.getKey()) && violations.size() < MAX_LISTED) {
                    violations.add(new InvariantCheck.Violation("automatic entry whose source event was never consumed",
                            Map.of("entryId", e.getValue(), "sourceEventId", e.getKey().toString())));
                }
            }
            checked += rows.size();
            after = ((Number) rows.get(rows.size() - 1)[0]).longValue();
            if (rows.size() < EventLog.PAGE) {
                break;
            }
        }
        return new InvariantCheck("erp", "every automatic journal entry has its consumed source event", checked, violations);
    }
}
