package io.quartermaster.erp.api;

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
import io.quartermaster.platform.api.check.InvariantCheck;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The general ledger. Automatic entries come from events (exactly once per event id);
 * accountants post adjusting entries and reversals. Posted entries never change.
 */
public interface LedgerFacade {

    /** The chart's inventory account, where the general ledger opens (the same code as {@code Accounts.INVENTORY}). */
    String INVENTORY_ACCOUNT = "1200";


    List<AccountView> accounts(LocalDate asOf);

    /** Adds an account to the chart (or renames one; its type never changes once it exists). */
    AccountView putAccount(String code, NewAccount account);

    EntryPage journal(LocalDate from, LocalDate to, int page, int size);

    /** The same page, newest first or (for the back office's sorted column) oldest first. */
    EntryPage journal(LocalDate from, LocalDate to, int page, int size, boolean oldestFirst);

    EntryView postManual(ManualEntry entry, String actor);

    EntryView reverse(long entryId, Reversal reversal, String actor);

    GeneralLedger generalLedger(String account, LocalDate from, LocalDate to);

    TrialBalance trialBalance(LocalDate asOf);

    IncomeStatement incomeStatement(LocalDate from, LocalDate to);

    BalanceSheet balanceSheet(LocalDate asOf);

    Reconciliation reconciliation();

    List<PeriodView> periods();

    PeriodView closePeriod(LocalDate month, String actor);

    PeriodView reopenPeriod(LocalDate month, String actor);

    LedgerLag lag();

    /**
     * The books' invariants, in the caller's transaction. Stock events not yet posted explain a
     * reconciliation difference only while they are younger than {@code inFlightThreshold}.
     */
    List<InvariantCheck> invariants(Duration inFlightThreshold, Instant now);
}
