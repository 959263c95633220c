package io.quartermaster.erp.application;

import io.quartermaster.erp.api.LedgerViews.EntryPage;
import io.quartermaster.erp.api.LedgerViews.EntryView;
import io.quartermaster.erp.api.LedgerViews.LineView;
import io.quartermaster.erp.api.ManualEntry;
import io.quartermaster.erp.api.Reversal;
import io.quartermaster.erp.api.refusal.AlreadyReversed;
import io.quartermaster.erp.api.refusal.UnbalancedEntry;
import io.quartermaster.erp.api.refusal.UnknownAccount;
import io.quartermaster.erp.domain.ledger.JournalEntry;
import io.quartermaster.erp.domain.ledger.JournalLine;
import io.quartermaster.erp.domain.ledger.LedgerEvent;
import io.quartermaster.erp.domain.ledger.Posting;
import io.quartermaster.erp.domain.ledger.PostingRules;
import io.quartermaster.platform.api.event.EventEnvelope;
import io.quartermaster.platform.api.problem.InvalidField;
import io.quartermaster.platform.api.problem.NotFound;
import io.quartermaster.platform.api.tx.DatabaseClock;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The journal: entries posted automatically from events (a consumer batch at a time), by hand
 * and as reversals, and read back a page at a time. Entries are written once and never changed
 * — the database refuses UPDATE and DELETE and checks at commit that every entry balances.
 */
@ApplicationScoped
public class Journal {

    @PersistenceContext(unitName = "erp")
    EntityManager em;

    @Inject
    Periods periods;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Inject
    DatabaseClock databaseClock;

    /** The entry an event calls for: its description and lines, worked out before anything is written. */
    public record AutoEntry(EventEnvelope event, String description, List<Posting> postings, Instant happenedAt) {

        /** The day the entry is dated: when it happened (a register's offline sale), else when the event occurred. */
        LocalDate dated() {
            return (happenedAt != null ? happenedAt : event.occurredAt()).atZone(ZoneOffset.UTC).toLocalDate();
        }
    }

    /** The entry for an event, or null when the event has no ledger effect. */
    public static AutoEntry entryFor(EventEnvelope event, JsonObject payload) {
        LedgerEvent decoded = LedgerEvent.decode(event.type(), payload).orElse(null);
        List<Posting> postings = decoded == null ? List.of() : PostingRules.postings(decoded);
        return postings.isEmpty() ? null : new AutoEntry(event, PostingRules.describe(decoded), postings,
                LedgerEvent.happenedAt(event.type(), payload).orElse(null));
    }

    /**
     * Posts a batch of events' entries inside the consumer's transaction: the periods read once,
     * the entries inserted with one statement and their lines with another. The unique source
     * event id is the exactly-once guard: an event posted before (or twice in the batch) gets no
     * second entry and no second set of lines.
     */
    public void postAll(List<AutoEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        LocalDate earliest = entries.stream().map(AutoEntry::dated).min(LocalDate::compareTo).orElseThrow();
        Set<LocalDate> closed = periods.closedMonthsFrom(earliest);
        int n = entries.size();
        String[] dates = new String[n];
        String[] descriptions = new String[n];
        String[] eventIds = new String[n];
        String[] types = new String[n];
        String[] occurred = new String[n];
        String[] notes = new String[n];
        Map<String, AutoEntry> byEvent = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            AutoEntry entry = entries.get(i);
            LocalDate dated = entry.dated();
            LocalDate booked = Periods.openDateOnOrAfter(dated, closed);
            dates[i] = booked.toString();
            descriptions[i] = entry.description();
            eventIds[i] = entry.event().eventId().toString();
            types[i] = entry.event().type();
            occurred[i] = entry.event().occurredAt().toString();
            notes[i] = booked.equals(dated) ? null
                    : "dated " + dated + " in the closed period " + dated.withDayOfMonth(1) + "; posted into " + booked.withDayOfMonth(1);
            byEvent.putIfAbsent(eventIds[i], entry);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> inserted = em.createNativeQuery("insert into erp.journal_entry (entry_date, description, kind, "
                        + "source_event_id, source_type, source_occurred_at, actor, note) "
                        + "select cast(d as date), x, 'AUTO', cast(e as uuid), t, cast(o as timestamptz), 'events', n "
                        + "from unnest(cast(?1 as text[]), cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[]), "
                        + "cast(?5 as text[]), cast(?6 as text[])) as u(d, x, e, t, o, n) "
                        + "on conflict (source_event_id) do nothing returning id, cast(source_event_id as text)")
                .setParameter(1, dates).setParameter(2, descriptions).setParameter(3, eventIds)
                .setParameter(4, types).setParameter(5, occurred).setParameter(6, notes)
                .getResultList();
        List<String> lineEntries = new ArrayList<>();
        List<String> lineNumbers = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        List<String> debits = new ArrayList<>();
        List<String> credits = new ArrayList<>();
        for (Object[] row : inserted) {
            String entryId = String.valueOf(((Number) row[0]).longValue());
            List<Posting> postings = byEvent.get(String.valueOf(row[1])).postings();
            for (int i = 0; i < postings.size(); i++) {
                Posting p = postings.get(i);
                lineEntries.add(entryId);
                lineNumbers.add(String.valueOf(i));
                accounts.add(p.account());
                debits.add(p.debit().toPlainString());
                credits.add(p.credit().toPlainString());
            }
        }
        if (lineEntries.isEmpty()) {
            return;
        }
        em.createNativeQuery("insert into erp.journal_line (entry_id, line_no, account, debit, credit) "
                        + "select cast(e as bigint), cast(l as int), a, cast(d as numeric), cast(c as numeric) "
                        + "from unnest(cast(?1 as text[]), cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[]), "
                        + "cast(?5 as text[])) as u(e, l, a, d, c)")
                .setParameter(1, lineEntries.toArray(String[]::new)).setParameter(2, lineNumbers.toArray(String[]::new))
                .setParameter(3, accounts.toArray(String[]::new)).setParameter(4, debits.toArray(String[]::new))
                .setParameter(5, credits.toArray(String[]::new))
                .executeUpdate();
    }

    public EntryView postManual(ManualEntry entry, String actor) {
        LocalDate date = entry.date != null ? entry.date : LocalDate.now(clock);
        List<Posting> postings = new ArrayList<>();
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        Set<String> known = accountCodes();
        for (int i = 0; i < entry.lines.size(); i++) {
            ManualEntry.Line line = entry.lines.get(i);
            BigDecimal debit = line.debit == null ? BigDecimal.ZERO : line.debit;
            BigDecimal credit = line.credit == null ? BigDecimal.ZERO : line.credit;
            if ((debit.signum() > 0) == (credit.signum() > 0)) {
                throw new InvalidField("lines[" + i + "]", "exactly one of debit and credit must be above zero");
            }
            if (!known.contains(line.account)) {
                throw new UnknownAccount("no account " + line.account,
                        Map.of("errors", List.of(new io.quartermaster.platform.api.problem.FieldError(
                                "lines[" + i + "].account", "no such account"))));
            }
            postings.add(new Posting(line.account, debit, credit));
            debits = debits.add(debit);
            credits = credits.add(credit);
        }
        if (debits.compareTo(credits) != 0) {
            throw new UnbalancedEntry("debits " + debits + " and credits " + credits + " differ",
                    Map.of("totalDebit", debits, "totalCredit", credits));
        }
        return transactions.inTransaction(() -> {
            periods.requireOpen(date);
            return view(write(JournalEntry.manual(date, entry.description, actor, databaseClock.now()), postings));
        });
    }

    public EntryView reverse(long entryId, Reversal reversal, String actor) {
        return transactions.inTransaction(() -> {
            JournalEntry original = em.find(JournalEntry.class, entryId);
            if (original == null) {
                throw new NotFound("no journal entry " + entryId);
            }
            long already = em.createQuery("select count(e) from JournalEntry e where e.reverses = :id", Long.class)
                    .setParameter("id", entryId).getSingleResult();
            if (already > 0) {
                throw new AlreadyReversed("journal entry " + entryId + " is already reversed");
            }
            LocalDate date = periods.openDateOnOrAfter(LocalDate.now(clock));
            List<Posting> undone = lines(List.of(entryId)).stream()
                    .map(l -> new Posting(l.account(), l.credit(), l.debit())).toList();
            return view(write(JournalEntry.reversalOf(original, date, actor, reversal.reason, databaseClock.now()), undone));
        });
    }

    private record Written(JournalEntry entry, List<JournalLine> lines) {
    }

    /** The entry, then its lines (they carry its id); the database checks at commit that they balance. */
    private Written write(JournalEntry entry, List<Posting> postings) {
        em.persist(entry);
        em.flush(); // the id, from the identity column, before the lines that name it
        List<JournalLine> lines = new ArrayList<>();
        for (int i = 0; i < postings.size(); i++) {
            JournalLine line = new JournalLine(entry, i, postings.get(i));
            em.persist(line);
            lines.add(line);
        }
        return new Written(entry, lines);
    }

    public EntryPage journal(LocalDate from, LocalDate to, int page, int size) {
        return journal(from, to, page, size, false);
    }

    public EntryPage journal(LocalDate from, LocalDate to, int page, int size, boolean oldestFirst) {
        String order = oldestFirst ? " order by e.entryDate, e.id" : " order by e.entryDate desc, e.id desc";
        LocalDate end = to == null ? LocalDate.of(9999, 12, 31) : to;
        LocalDate start = from == null ? Statements.BEGINNING : from;
        List<JournalEntry> entries = em.createQuery("select e from JournalEntry e where e.entryDate >= :start "
                        + "and e.entryDate <= :end" + order, JournalEntry.class)
                .setParameter("start", start).setParameter("end", end)
                .setFirstResult(page * size).setMaxResults(size)
                .getResultList();
        long total = em.createQuery("select count(e) from JournalEntry e where e.entryDate >= :start and e.entryDate <= :end",
                        Long.class)
                .setParameter("start", start).setParameter("end", end).getSingleResult();
        Map<Long, List<JournalLine>> lines = new HashMap<>();
        if (!entries.isEmpty()) {
            lines(entries.stream().map(JournalEntry::id).toList())
                    .forEach(l -> lines.computeIfAbsent(l.entryId(), k -> new ArrayList<>()).add(l));
        }
        return new EntryPage(entries.stream().map(e -> view(e, lines.getOrDefault(e.id(), List.of()))).toList(),
                page, size, total);
    }

    private List<JournalLine> lines(List<Long> entryIds) {
        return em.createQuery("select l from JournalLine l where l.entryId in :ids order by l.entryId, l.lineNo",
                        JournalLine.class)
                .setParameter("ids", entryIds).getResultList();
    }

    private static EntryView view(Written written) {
        return view(written.entry(), written.lines());
    }

    private static EntryView view(JournalEntry e, List<JournalLine> lines) {
        return new EntryView(e.id(), e.entryDate(), e.postedAt(), e.description(), e.kind().name(), e.sourceEventId(),
                e.sourceType(), e.reverses(), e.actor(), e.reason(), e.note(),
                lines.stream().map(l -> new LineView(l.account(), l.debit(), l.credit())).toList());
    }

    private Set<String> accountCodes() {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("select code from erp.account").getResultList();
        return Set.copyOf(codes);
    }
}
