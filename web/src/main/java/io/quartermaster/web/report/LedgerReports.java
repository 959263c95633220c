package io.quartermaster.web.report;

import static io.quartermaster.web.report.Report.row;

import io.quartermaster.erp.api.LedgerFacade;
import io.quartermaster.erp.api.LedgerViews.BalanceSheet;
import io.quartermaster.erp.api.LedgerViews.EntryView;
import io.quartermaster.erp.api.LedgerViews.GeneralLedger;
import io.quartermaster.erp.api.LedgerViews.IncomeStatement;
import io.quartermaster.erp.api.LedgerViews.Reconciliation;
import io.quartermaster.erp.api.LedgerViews.StatementLine;
import io.quartermaster.erp.api.LedgerViews.TrialBalance;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.StockView;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.web.rest.JsonShape;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every ledger report as a {@link Report} table, built once here for the API's CSV, the accounting
 * pages and their CSV/PDF exports, so the three can never disagree about a row or a total.
 */
@ApplicationScoped
public class LedgerReports {

    /** The reports by the name used in page and export URLs. */
    public enum Kind {
        TRIAL_BALANCE("trial-balance", "Trial balance"),
        INCOME_STATEMENT("income-statement", "Income statement"),
        BALANCE_SHEET("balance-sheet", "Balance sheet"),
        GENERAL_LEDGER("general-ledger", "General ledger"),
        JOURNAL("journal", "Journal"),
        INVENTORY_VALUATION("inventory-valuation", "Inventory valuation"),
        RECONCILIATION("reconciliation", "Stock-vs-ledger reconciliation");

        private final String slug;
        private final String title;

        Kind(String slug, String title) {
            this.slug = slug;
            this.title = title;
        }

        /** The report's name in page and export URLs. */
        public String slug() {
            return slug;
        }

        public String title() {
            return title;
        }

        public static Kind of(String slug) {
            for (Kind kind : values()) {
                if (kind.slug.equals(slug)) {
                    return kind;
                }
            }
            throw ProblemException.invalidField("report", "one of trial-balance, income-statement, balance-sheet, "
                    + "general-ledger, journal, inventory-valuation, reconciliation");
        }

        /** Whether the report covers a range of days (from/to) rather than a single day (as of). */
        public boolean ranged() {
            return this == INCOME_STATEMENT || this == GENERAL_LEDGER || this == JOURNAL;
        }

        public boolean dated() {
            return this != INVENTORY_VALUATION && this != RECONCILIATION;
        }
    }

    /** What a report is asked for with; unused fields are null. */
    public record Request(Kind kind, LocalDate asOf, LocalDate from, LocalDate to, String account) {
    }

    @Inject
    LedgerFacade ledger;

    @Inject
    InventoryFacade inventory;

    public Report build(Request request) {
        return switch (request.kind()) {
            case TRIAL_BALANCE -> trialBalance(request.asOf());
            case INCOME_STATEMENT -> incomeStatement(request.from(), request.to());
            case BALANCE_SHEET -> balanceSheet(request.asOf());
            case GENERAL_LEDGER -> {
                if (request.account() == null || request.account().isBlank()) {
                    throw ProblemException.invalidField("account", "choose the account whose ledger to show");
                }
                yield generalLedger(request.account(), request.from(), request.to());
            }
            case JOURNAL -> journal(request.from(), request.to());
            case INVENTORY_VALUATION -> valuation();
            case RECONCILIATION -> reconciliation();
        };
    }

    public Report trialBalance(LocalDate asOf) {
        TrialBalance tb = ledger.trialBalance(asOf);
        return new Report("Trial balance", "as of " + tb.asOf(), "trial-balance-" + tb.asOf(),
                List.of("account", "name", "type", "debit", "credit"),
                tb.lines().stream().map(l -> row(l.account(), l.name(), l.type(), l.debit(), l.credit())).toList(),
                List.of(row("TOTAL", "", "", tb.totalDebit(), tb.totalCredit())));
    }

    public Report incomeStatement(LocalDate from, LocalDate to) {
        IncomeStatement is = ledger.incomeStatement(from, to);
        List<List<Object>> rows = new ArrayList<>();
        is.income().forEach(l -> rows.add(row("INCOME", l.account(), l.name(), l.amount())));
        is.expenses().forEach(l -> rows.add(row("EXPENSE", l.account(), l.name(), l.amount())));
        List<Report.Line> statement = new ArrayList<>();
        statement(statement, "Income", is.income(), "Total income", is.totalIncome());
        statement(statement, "Expenses", is.expenses(), "Total expenses", is.totalExpenses());
        statement.add(new Report.Line(Report.Line.Style.RESULT, is.netIncome().signum() < 0 ? "Net loss" : "Net income",
                is.netIncome()));
        return new Report("Income statement", range(is.from(), is.to()), "income-statement",
                List.of("section", "account", "name", "amount"), rows,
                List.of(row("TOTAL INCOME", "", "", is.totalIncome()), row("TOTAL EXPENSES", "", "", is.totalExpenses()),
                        row("NET INCOME", "", "", is.netIncome())), statement);
    }

    public Report balanceSheet(LocalDate asOf) {
        BalanceSheet bs = ledger.balanceSheet(asOf);
        List<List<Object>> rows = new ArrayList<>();
        section(rows, "ASSET", bs.assets());
        section(rows, "LIABILITY", bs.liabilities());
        section(rows, "EQUITY", bs.equity());
        rows.add(row("EQUITY", "", "Current earnings", bs.currentEarnings()));
        List<Report.Line> statement = new ArrayList<>();
        statement(statement, "Assets", bs.assets(), "Total assets", bs.totalAssets());
        statement(statement, "Liabilities", bs.liabilities(), "Total liabilities", sum(bs.liabilities()));
        List<StatementLine> equity = new ArrayList<>(bs.equity());
        equity.add(new StatementLine("", "Current earnings", bs.currentEarnings()));
        statement(statement, "Equity", equity, "Total equity", sum(equity));
        statement.add(new Report.Line(Report.Line.Style.RESULT, "Total liabilities and equity", bs.totalLiabilitiesAndEquity()));
        return new Report("Balance sheet", "as of " + bs.asOf(), "balance-sheet-" + bs.asOf(),
                List.of("section", "account", "name", "amount"), rows,
                List.of(row("TOTAL ASSETS", "", "", bs.totalAssets()),
                        row("TOTAL LIABILITIES AND EQUITY", "", "", bs.totalLiabilitiesAndEquity())), statement);
    }

    /** A section of a statement: its heading, one indented line per account ("1200 Inventory"), its subtotal. */
    private static void statement(List<Report.Line> statement, String heading, List<StatementLine> lines, String total,
                                  BigDecimal amount) {
        statement.add(new Report.Line(Report.Line.Style.SECTION, heading, null));
        lines.forEach(l -> statement.add(new Report.Line(Report.Line.Style.ACCOUNT,
                (l.account() == null || l.account().isEmpty() ? "" : l.account() + " ") + l.name(), l.amount())));
        statement.add(new Report.Line(Report.Line.Style.SUBTOTAL, total, amount));
    }

    private static BigDecimal sum(List<StatementLine> lines) {
        return lines.stream().map(StatementLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void section(List<List<Object>> rows, String section, List<StatementLine> lines) {
        lines.forEach(l -> rows.add(row(section, l.account(), l.name(), l.amount())));
    }

    public Report generalLedger(String account, LocalDate from, LocalDate to) {
        GeneralLedger gl = ledger.generalLedger(account, from, to);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("", gl.from(), "Opening balance", "", "", gl.openingBalance()));
        gl.lines().forEach(l -> rows.add(row(l.entryId(), l.entryDate(), l.description(), l.debit(), l.credit(), l.balance())));
        BigDecimal debit = gl.lines().stream().map(l -> l.debit()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credit = gl.lines().stream().map(l -> l.credit()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Report("General ledger " + gl.account() + " " + gl.name(), range(gl.from(), gl.to()),
                "ledger-" + gl.account(), List.of("entry", "date", "description", "debit", "credit", "balance"), rows,
                List.of(row("CLOSING BALANCE", gl.to(), "", debit, credit, gl.closingBalance())));
    }

    /** The journal in full, one record per line of every entry (the page itself pages through the facade). */
    public Report journal(LocalDate from, LocalDate to) {
        List<List<Object>> rows = new ArrayList<>();
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        for (EntryView e : ledger.journal(from, to, 0, 100_000).items()) {
            for (var l : e.lines()) {
                rows.add(row(e.id(), e.entryDate(), e.description(), e.kind(), e.sourceEventId(), l.account(),
                        l.debit(), l.credit()));
                debit = debit.add(l.debit());
                credit = credit.add(l.credit());
            }
        }
        return new Report("Journal", range(from, to), "journal",
                List.of("entry", "date", "description", "kind", "sourceEventId", "account", "debit", "credit"), rows,
                List.of(row("TOTAL", "", "", "", "", "", debit, credit)));
    }

    public Report valuation() {
        List<StockView.Valuation> lines = inventory.valuation();
        BigDecimal total = lines.stream().map(StockView.Valuation::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        int units = lines.stream().mapToInt(StockView.Valuation::onHand).sum();
        return new Report("Inventory valuation", "now, at moving average cost", "inventory-valuation",
                List.of("sku", "name", "location", "onHand", "averageCost", "value"),
                lines.stream().map(v -> row(v.sku(), v.name(), v.location(), v.onHand(), v.averageCost(), v.value())).toList(),
                List.of(row("TOTAL", "", "", units, "", total)));
    }

    public Report reconciliation() {
        Reconciliation r = ledger.reconciliation();
        return new Report("Stock-vs-ledger reconciliation", "now", "reconciliation",
                List.of("stockValuation", "inventoryAccountBalance", "difference", "stockEventsNotPosted", "oldestNotPosted"),
                List.of(row(r.stockValuation(), r.inventoryAccountBalance(), r.difference(), r.stockEventsNotPosted(),
                        r.oldestNotPosted())), List.of());
    }

    /** A report parameter: an ISO day ({@code 2026-11-28}), absent when blank; a 400 naming the field otherwise. */
    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "a date like 2026-11-28");
        }
        if (!JsonShape.withinRange(date)) {
            throw ProblemException.invalidField(field, "a date from " + JsonShape.EARLIEST + " to " + JsonShape.LATEST);
        }
        return date;
    }

    private static String range(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return "all dates";
        }
        return (from == null ? "from the first entry" : "from " + from) + (to == null ? " to today" : " to " + to);
    }
}
