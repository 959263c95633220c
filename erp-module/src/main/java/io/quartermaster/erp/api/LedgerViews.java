package io.quartermaster.erp.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The records the books are read as. */
public final class LedgerViews {

    private LedgerViews() {
    }

    public record AccountView(String code, String name, String type, BigDecimal balance) {
    }

    public record LineView(String account, BigDecimal debit, BigDecimal credit) {
    }

    public record EntryView(long id, LocalDate entryDate, Instant postedAt, String description, String kind,
                            UUID sourceEventId, String sourceType, Long reverses, String actor, String reason,
                            String note, List<LineView> lines) {
    }

    public record EntryPage(List<EntryView> items, int page, int size, long total) {
    }

    public record LedgerLine(long entryId, LocalDate entryDate, String description, BigDecimal debit, BigDecimal credit,
                             BigDecimal balance) {
    }

    public record GeneralLedger(String account, String name, String type, LocalDate from, LocalDate to,
                                BigDecimal openingBalance, List<LedgerLine> lines, BigDecimal closingBalance) {
    }

    public record TrialLine(String account, String name, String type, BigDecimal debit, BigDecimal credit) {
    }

    public record TrialBalance(LocalDate asOf, List<TrialLine> lines, BigDecimal totalDebit, BigDecimal totalCredit) {
    }

    public record StatementLine(String account, String name, BigDecimal amount) {
    }

    public record IncomeStatement(LocalDate from, LocalDate to, List<StatementLine> income, List<StatementLine> expenses,
                                  BigDecimal totalIncome, BigDecimal totalExpenses, BigDecimal netIncome) {
    }

    public record BalanceSheet(LocalDate asOf, List<StatementLine> assets, List<StatementLine> liabilities,
                               List<StatementLine> equity, BigDecimal currentEarnings, BigDecimal totalAssets,
                               BigDecimal totalLiabilitiesAndEquity) {
    }

    public record Reconciliation(BigDecimal stockValuation, BigDecimal inventoryAccountBalance, BigDecimal difference,
                                 long stockEventsNotPosted, Instant oldestNotPosted, boolean atRest) {
    }

    public record PeriodView(LocalDate month, String status, Instant changedAt, String changedBy) {
    }

    public record LedgerLag(long entries, Long p50Millis, Long p99Millis, Long maxMillis, Instant since) {
    }
}
