package io.quartermaster.erp.application;

import io.quartermaster.erp.api.LedgerFacade;
import io.quartermaster.erp.api.LedgerViews.AccountView;
import io.quartermaster.erp.api.LedgerViews.BalanceSheet;
import io.quartermaster.erp.api.LedgerViews.EntryPage;
import io.quartermaster.erp.api.LedgerViews.EntryView;
import io.quartermaster.erp.api.LedgerViews.GeneralLedger;
import io.quartermaster.erp.api.LedgerViews.IncomeStatement;
import io.quartermaster.erp.api.LedgerViews.LedgerLag;
import io.quartermaster.erp.api.LedgerViews.PeriodView;
import io.quartermaster.erp.api.LedgerViews.Reconciliation;
import io.quartermaster.erp.api.LedgerViews.TrialBalance;
import io.quartermaster.erp.api.ManualEntry;
import io.quartermaster.erp.api.NewAccount;
import io.quartermaster.erp.api.Reversal;
import io.quartermaster.erp.domain.ledger.PeriodStatus;
import io.quartermaster.platform.api.check.InvariantCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The ledger's facade: the journal ({@link Journal}), the statements ({@link Statements}) and
 * the periods ({@link Periods}) live in their own classes; how far the books lag behind the
 * orders and the ledger's invariants are read here.
 */
@ApplicationScoped
public class Books implements LedgerFacade {

    @PersistenceContext(unitName = "erp")
    EntityManager em;

    @Inject
    Journal journal;

    @Inject
    Statements statements;

    @Inject
    Periods periods;

    @Inject
    LedgerInvariants invariantChecks;

    // ---------------------------------------------------------------- journal (Journal)

    @Override
    public EntryView postManual(ManualEntry entry, String actor) {
        return journal.postManual(entry, actor);
    }

    @Override
    public EntryView reverse(long entryId, Reversal reversal, String actor) {
        return journal.reverse(entryId, reversal, actor);
    }

    @Override
    public EntryPage journal(LocalDate from, LocalDate to, int page, int size) {
        return journal.journal(from, to, page, size);
    }

    @Override
    public EntryPage journal(LocalDate from, LocalDate to, int page, int size, boolean oldestFirst) {
        return journal.journal(from, to, page, size, oldestFirst);
    }

    // ---------------------------------------------------------------- statements (Statements)

    @Override
    public List<AccountView> accounts(LocalDate asOf) {
        return statements.accounts(asOf);
    }

    @Override
    public AccountView putAccount(String code, NewAccount account) {
        return statements.putAccount(code, account);
    }

    @Override
    public TrialBalance trialBalance(LocalDate asOf) {
        return statements.trialBalance(asOf);
    }

    @Override
    public IncomeStatement incomeStatement(LocalDate from, LocalDate to) {
        return statements.incomeStatement(from, to);
    }

    @Override
    public BalanceSheet balanceSheet(LocalDate asOf) {
        return statements.balanceSheet(asOf);
    }

    @Override
    public GeneralLedger generalLedger(String account, LocalDate from, LocalDate to) {
        return statements.generalLedger(account, from, to);
    }

    @Override
    public Reconciliation reconciliation() {
        return statements.reconciliation();
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

    // ---------------------------------------------------------------- lag and checks

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

    @Override
    public List<InvariantCheck> invariants(Duration inFlightThreshold, Instant now) {
        return invariantChecks.run(inFlightThreshold, now);
    }
}
