package io.quartermaster.erp.application;

import io.quartermaster.erp.api.LedgerFacade;
import io.quartermaster.erp.api.LedgerViews.AccountView;
import io.quartermaster.erp.api.LedgerViews.BalanceSheet;
import io.quartermaster.erp.api.LedgerViews.EntryPage;
import io.quartermaster.erp.api.LedgerViews.EntryView;
import io.quartermaster.erp.api.LedgerViews.GeneralLedger;
import io.quartermaster.erp.api.LedgerViews.IncomeStatement;
import io.quartermaster.erp.api.LedgerViews.LedgerLag;
import io.quartermaster.erp.api.LedgerViews.LedgerLine;
import io.quartermaster.erp.api.LedgerViews.LineView;
import io.quartermaster.erp.api.LedgerViews.PeriodView;
import io.quartermaster.erp.api.LedgerViews.Reconciliation;
import io.quartermaster.erp.api.LedgerViews.StatementLine;
import io.quartermaster.erp.api.LedgerViews.TrialBalance;
import io.quartermaster.erp.api.LedgerViews.TrialLine;
import io.quartermaster.erp.api.ManualEntry;
import io.quartermaster.erp.api.Reversal;
import io.quartermaster.erp.api.refusal.UnbalancedEntry;
import io.quartermaster.erp.api.refusal.UnknownAccount;
import io.quartermaster.erp.domain.ledger.Accounts;
import io.quartermaster.erp.domain.ledger.ConsumedEvents;
import io.quartermaster.erp.domain.ledger.LedgerEvent;
import io.quartermaster.erp.domain.ledger.PeriodStatus;
import io.quartermaster.erp.domain.ledger.Posting;
import io.quartermaster.erp.domain.ledger.PostingRules;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.StockView;
import io.quartermaster.platform.api.check.InvariantCheck;
import io.quartermaster.platform.api.event.EventEnvelope;
import io.quartermaster.platform.api.event.EventLog;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The general ledger: posting (automatic from events, manual, reversal) and the reports.
 * Entries are written once and never changed — the database refuses UPDATE and DELETE and
 * checks at commit that every entry balances.
 */
@ApplicationScoped
public class Books implements LedgerFacade {

    /** Stock events that carry value; the reconciliation's "in flight" are those not yet posted. */


    @PersistenceContext(unitName = "erp")
    EntityManager em;

    @Inject
    Periods periods;

    @Inject
    InventoryFacade inventory;

    @Inject
    EventLog backlog;

    @Inject
    Transactions transactions;

    @Inject
    LedgerInvariants invariantChecks;

    @Inject
    Clock clock;

    // ---------------------------------------------------------------- posting

    /** The entry an event calls for: its description and lines, worked out before anything is written. */
    public record AutoEntry(EventEnvelope event, String description, List<Posting> postings) {
    }

    /** The entry for an event, or null when the event has no ledger effect. */
    public static AutoEntry entryFor(EventEnvelope event, JsonObject payload) {
        LedgerEvent decoded = LedgerEvent.decode(event.type(), payload).orElse(null);
        List<Posting> postings = decoded == null ? List.of() : PostingRules.postings(decoded);
        return postings.isEmpty() ? null : new AutoEntry(event, PostingRules.describe(decoded), postings);
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
        LocalDate earliest = entries.stream().map(e -> utcDate(e.event())).min(LocalDate::compareTo).orElseThrow();
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
            LocalDate dated = utcDate(entry.event());
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

    private static LocalDate utcDate(EventEnvelope event) {
        return event.occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
    }

    @Override
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
                throw ProblemException.invalidField("lines[" + i + "]", "exactly one of debit and credit must be above zero");
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
            long id = insertEntry(date, entry.description, "MANUAL", null, actor, entry.description);
            insertLines(id, postings);
            return entry(id);
        });
    }

    @Override
    public EntryView reverse(long entryId, Reversal reversal, String actor) {
        return transactions.inTransaction(() -> {
            EntryView original = entryOrNull(entryId);
            if (original == null) {
                throw ProblemException.notFound("no journal entry " + entryId);
            }
            Number already = (Number) em.createNativeQuery("select count(*) from erp.journal_entry where reverses = ?1")
                    .setParameter(1, entryId).getSingleResult();
            if (already.longValue() > 0) {
                throw ProblemException.conflict("journal entry " + entryId + " is already reversed");
            }
            LocalDate date = periods.openDateOnOrAfter(LocalDate.now(clock));
            long id = insertEntry(date, "Reversal of entry " + entryId + ": " + original.description(), "REVERSAL", entryId,
                    actor, reversal.reason);
            insertLines(id, original.lines().stream().map(l -> new Posting(l.account(), l.credit(), l.debit())).toList());
            return entry(id);
        });
    }

    private long insertEntry(LocalDate date, String description, String kind, Long reverses, String actor, String reason) {
        return ((Number) em.createNativeQuery("insert into erp.journal_entry (entry_date, description, kind, reverses, actor, reason) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6) returning id")
                .setParameter(1, Date.valueOf(date))
                .setParameter(2, description)
                .setParameter(3, kind)
                .setParameter(4, reverses)
                .setParameter(5, actor)
                .setParameter(6, reason)
                .getSingleResult()).longValue();
    }

    private void insertLines(long entryId, List<Posting> postings) {
        for (int i = 0; i < postings.size(); i++) {
            Posting p = postings.get(i);
            em.createNativeQuery("insert into erp.journal_line (entry_id, line_no, account, debit, credit) values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, entryId).setParameter(2, i).setParameter(3, p.account())
                    .setParameter(4, p.debit()).setParameter(5, p.credit())
                    .executeUpdate();
        }
    }

    // ---------------------------------------------------------------- periods (Periods)

    @Override
    public List<PeriodView> periods() {
        return periods.all();
    }

    @Override
    public PeriodView closePeriod(LocalDate month, String actor) {
        return periods.set(month, PeriodStatus.CLOSED, actor);
    }

    @Override
    public PeriodView reopenPeriod(LocalDate month, String actor) {
        return periods.set(month, PeriodStatus.OPEN, actor);
    }

    // ---------------------------------------------------------------- reports

    private record Totals(String code, String name, String type, BigDecimal debit, BigDecimal credit) {
        /** The balance in the account's normal direction. */
        BigDecimal balance() {
            return debitNormal(type) ? debit.subtract(credit) : credit.subtract(debit);
        }
    }

    private static boolean debitNormal(String type) {
        return "ASSET".equals(type) || "EXPENSE".equals(type);
    }

    private List<Totals> totals(LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select a.code, a.name, a.type, coalesce(sum(l.debit), 0), coalesce(sum(l.credit), 0) "
                        + "from erp.account a left join (erp.journal_line l join erp.journal_entry e on e.id = l.entry_id "
                        + "and e.entry_date >= ?1 and e.entry_date <= ?2) on l.account = a.code "
                        + "group by a.code, a.name, a.type order by a.code")
                .setParameter(1, Date.valueOf(from)).setParameter(2, Date.valueOf(to))
                .getResultList();
        return rows.stream().map(r -> new Totals((String) r[0], (String) r[1], (String) r[2],
                (BigDecimal) r[3], (BigDecimal) r[4])).toList();
    }

    private static final LocalDate BEGINNING = LocalDate.of(1970, 1, 1);

    @Override
    public List<AccountView> accounts(LocalDate asOf) {
        return totals(BEGINNING, asOf == null ? LocalDate.of(9999, 12, 31) : asOf).stream()
                .map(t -> new AccountView(t.code(), t.name(), t.type(), t.balance())).toList();
    }

    @Override
    public AccountView putAccount(String code, io.quartermaster.erp.api.NewAccount account) {
        if (code == null || !code.matches("^[0-9]{3,6}$")) {
            throw ProblemException.invalidField("code", "3 to 6 digits");
        }
        return transactions.inTransaction(() -> {
            @SuppressWarnings("unchecked")
            List<Object> types = em.createNativeQuery("select type from erp.account where code = ?1").setParameter(1, code)
                    .getResultList();
            if (!types.isEmpty() && !types.get(0).equals(account.type)) {
                throw ProblemException.conflict("account " + code + " is " + types.get(0) + "; its type cannot change");
            }
            em.createNativeQuery("insert into erp.account (code, name, type) values (?1, ?2, ?3) "
                            + "on conflict (code) do update set name = excluded.name")
                    .setParameter(1, code).setParameter(2, account.name.strip()).setParameter(3, account.type)
                    .executeUpdate();
            return accounts(null).stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow();
        });
    }

    @Override
    public TrialBalance trialBalance(LocalDate asOf) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        List<TrialLine> lines = new ArrayList<>();
        BigDecimal totalDebit = BigDecimal.ZERO;
        BigDecimal totalCredit = BigDecimal.ZERO;
        for (Totals t : totals(BEGINNING, date)) {
            BigDecimal net = t.debit().subtract(t.credit());
            BigDecimal debit = net.signum() > 0 ? net : BigDecimal.ZERO;
            BigDecimal credit = net.signum() < 0 ? net.negate() : BigDecimal.ZERO;
            lines.add(new TrialLine(t.code(), t.name(), t.type(), debit, credit));
            totalDebit = totalDebit.add(debit);
            totalCredit = totalCredit.add(credit);
        }
        return new TrialBalance(date, lines, totalDebit, totalCredit);
    }

    @Override
    public IncomeStatement incomeStatement(LocalDate from, LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        List<StatementLine> income = new ArrayList<>();
        List<StatementLine> expenses = new ArrayList<>();
        for (Totals t : totals(start, end)) {
            if ("INCOME".equals(t.type())) {
                income.add(new StatementLine(t.code(), t.name(), t.balance()));
            } else if ("EXPENSE".equals(t.type())) {
                expenses.add(new StatementLine(t.code(), t.name(), t.balance()));
            }
        }
        BigDecimal totalIncome = sum(income);
        BigDecimal totalExpenses = sum(expenses);
        return new IncomeStatement(start, end, income, expenses, totalIncome, totalExpenses, totalIncome.subtract(totalExpenses));
    }

    @Override
    public BalanceSheet balanceSheet(LocalDate asOf) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        Map<String, List<StatementLine>> sections = new LinkedHashMap<>();
        BigDecimal earnings = BigDecimal.ZERO;
        for (Totals t : totals(BEGINNING, date)) {
            switch (t.type()) {
                case "INCOME" -> earnings = earnings.add(t.balance());
                case "EXPENSE" -> earnings = earnings.subtract(t.balance());
                default -> sections.computeIfAbsent(t.type(), k -> new ArrayList<>())
                        .add(new StatementLine(t.code(), t.name(), t.balance()));
            }
        }
        List<StatementLine> assets = sections.getOrDefault("ASSET", List.of());
        List<StatementLine> liabilities = sections.getOrDefault("LIABILITY", List.of());
        List<StatementLine> equity = sections.getOrDefault("EQUITY", List.of());
        return new BalanceSheet(date, assets, liabilities, equity, earnings, sum(assets),
                sum(liabilities).add(sum(equity)).add(earnings));
    }

    @Override
    public GeneralLedger generalLedger(String account, LocalDate from, LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        Totals opening = totals(BEGINNING, start.minusDays(1)).stream().filter(t -> t.code().equals(account)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("no account " + account));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select e.id, e.entry_date, e.description, l.debit, l.credit "
                        + "from erp.journal_line l join erp.journal_entry e on e.id = l.entry_id "
                        + "where l.account = ?1 and e.entry_date >= ?2 and e.entry_date <= ?3 order by e.entry_date, e.id, l.line_no")
                .setParameter(1, account).setParameter(2, Date.valueOf(start)).setParameter(3, Date.valueOf(end))
                .getResultList();
        BigDecimal balance = opening.balance();
        boolean debitNormal = debitNormal(opening.type());
        List<LedgerLine> lines = new ArrayList<>();
        for (Object[] r : rows) {
            BigDecimal debit = (BigDecimal) r[3];
            BigDecimal credit = (BigDecimal) r[4];
            balance = balance.add(debitNormal ? debit.subtract(credit) : credit.subtract(debit));
            lines.add(new LedgerLine(((Number) r[0]).longValue(), ((Date) r[1]).toLocalDate(), (String) r[2], debit, credit, balance));
        }
        return new GeneralLedger(account, opening.name(), opening.type(), start, end, opening.balance(), lines, balance);
    }

    @Override
    public EntryPage journal(LocalDate from, LocalDate to, int page, int size) {
        return journal(from, to, page, size, false);
    }

    @Override
    public EntryPage journal(LocalDate from, LocalDate to, int page, int size, boolean oldestFirst) {
        String order = oldestFirst ? "order by entry_date, id" : "order by entry_date desc, id desc";
        LocalDate end = to == null ? LocalDate.of(9999, 12, 31) : to;
        LocalDate start = from == null ? BEGINNING : from;
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select id from erp.journal_entry where entry_date >= ?1 and entry_date <= ?2 "
                        + order + " limit ?3 offset ?4")
                .setParameter(1, Date.valueOf(start)).setParameter(2, Date.valueOf(end))
                .setParameter(3, size).setParameter(4, page * size)
                .getResultList();
        long total = ((Number) em.createNativeQuery("select count(*) from erp.journal_entry where entry_date >= ?1 and entry_date <= ?2")
                .setParameter(1, Date.valueOf(start)).setParameter(2, Date.valueOf(end)).getSingleResult()).longValue();
        return new EntryPage(ids.stream().map(id -> entry(((Number) id).longValue())).toList(), page, size, total);
    }

    private EntryView entry(long id) {
        EntryView entry = entryOrNull(id);
        if (entry == null) {
            throw ProblemException.notFound("no journal entry " + id);
        }
        return entry;
    }

    private EntryView entryOrNull(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, entry_date, posted_at, description, kind, source_event_id, "
                        + "source_type, reverses, actor, reason, note from erp.journal_entry where id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> lines = em.createNativeQuery("select account, debit, credit from erp.journal_line where entry_id = ?1 order by line_no")
                .setParameter(1, id).getResultList();
        return new EntryView(((Number) r[0]).longValue(), ((Date) r[1]).toLocalDate(), ((Timestamp) r[2]).toInstant(),
                (String) r[3], (String) r[4], r[5] == null ? null : UUID.fromString(r[5].toString()), (String) r[6],
                r[7] == null ? null : ((Number) r[7]).longValue(), (String) r[8], (String) r[9], (String) r[10],
                lines.stream().map(l -> new LineView((String) l[0], (BigDecimal) l[1], (BigDecimal) l[2])).toList());
    }

    @Override
    public Reconciliation reconciliation() {
        BigDecimal valuation = inventory.valuation().stream().map(StockView.Valuation::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal ledger = accounts(null).stream().filter(a -> a.code().equals(Accounts.INVENTORY)).findFirst()
                .map(AccountView::balance).orElse(BigDecimal.ZERO);
        EventLog.Pending pending = backlog.pending(LedgerPostings.CONSUMER, ConsumedEvents.VALUED_STOCK_EVENTS);
        return new Reconciliation(valuation, ledger, valuation.subtract(ledger), pending.count(), pending.oldest(),
                pending.count() == 0);
    }

    @Override
    public LedgerLag lag() {
        Object[] r = (Object[]) em.createNativeQuery("select count(*), "
                + "percentile_cont(0.5) within group (order by extract(epoch from posted_at - source_occurred_at) * 1000), "
                + "percentile_cont(0.99) within group (order by extract(epoch from posted_at - source_occurred_at) * 1000), "
                + "max(extract(epoch from posted_at - source_occurred_at) * 1000), now() - interval '1 hour' "
                + "from erp.journal_entry where source_type = 'OrderPlaced' and posted_at > now() - interval '1 hour'")
                .getSingleResult();
        return new LedgerLag(((Number) r[0]).longValue(), millis(r[1]), millis(r[2]), millis(r[3]),
                ((Timestamp) r[4]).toInstant());
    }

    private static Long millis(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue());
    }

    private Set<String> accountCodes() {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("select code from erp.account").getResultList();
        return Set.copyOf(codes);
    }

    private static BigDecimal sum(List<StatementLine> lines) {
        return lines.stream().map(StatementLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public List<InvariantCheck> invariants(Duration inFlightThreshold, Instant now) {
        return invariantChecks.run(inFlightThreshold, now);
    }
}
