package io.quartermaster.web.rest.ledger;

import io.quartermaster.erp.api.LedgerFacade;
import io.quartermaster.erp.api.LedgerViews;
import io.quartermaster.erp.api.LedgerViews.AccountView;
import io.quartermaster.erp.api.LedgerViews.BalanceSheet;
import io.quartermaster.erp.api.LedgerViews.EntryPage;
import io.quartermaster.erp.api.LedgerViews.EntryView;
import io.quartermaster.erp.api.LedgerViews.GeneralLedger;
import io.quartermaster.erp.api.LedgerViews.IncomeStatement;
import io.quartermaster.erp.api.LedgerViews.Reconciliation;
import io.quartermaster.erp.api.LedgerViews.TrialBalance;
import io.quartermaster.erp.api.ManualEntry;
import io.quartermaster.erp.api.Reversal;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.StockView;
import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.web.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The books for accountants: every report as JSON, and as CSV with {@code Accept: text/csv}.
 * Dates are ISO days ({@code 2026-11-28}).
 */
@Path("/ledger")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ACCOUNTANT_NAME, Role.ADMIN_NAME})
public class LedgerReportsResource {

    /**
     * CSV with a lower server-side quality than JSON: a client that sends no Accept (or {@code *}/{@code *})
     * gets JSON. With equal quality the choice between the JSON and CSV method of a report was left to
     * the order in which the JVM lists methods, and a client without Accept once got CSV (LedgerApiIT).
     */
    private static final String CSV = "text/csv;qs=0.5";

    @Inject
    LedgerFacade ledger;

    @Inject
    InventoryFacade inventory;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("accounts")
    public List<AccountView> accounts(@QueryParam("asOf") String asOf) {
        return ledger.accounts(date("asOf", asOf));
    }

    @GET
    @Path("accounts")
    @Produces(CSV)
    public Response accountsCsv(@QueryParam("asOf") String asOf) {
        return Csv.of("accounts.csv", List.of("code", "name", "type", "balance"),
                accounts(asOf).stream().<List<?>>map(a -> List.of(a.code(), a.name(), a.type(), a.balance())).toList());
    }

    @jakarta.ws.rs.PUT
    @Path("accounts/{code}")
    @RolesAllowed(Role.ACCOUNTANT_NAME)
    public AccountView putAccount(@PathParam("code") String code, io.quartermaster.erp.api.NewAccount account) {
        return ledger.putAccount(code, account);
    }

    @GET
    @Path("journal")
    public EntryPage journal(@QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > 1000) {
            throw ProblemException.invalidField(page < 0 ? "page" : "size", page < 0 ? "must be 0 or more" : "between 1 and 1000");
        }
        return ledger.journal(date("from", from), date("to", to), page, size);
    }

    @GET
    @Path("journal")
    @Produces(CSV)
    public Response journalCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        List<List<?>> rows = new ArrayList<>();
        for (EntryView e : ledger.journal(date("from", from), date("to", to), 0, 100_000).items()) {
            e.lines().forEach(l -> rows.add(List.of(e.id(), e.entryDate(), e.description(), e.kind(),
                    e.sourceEventId() == null ? "" : e.sourceEventId(), l.account(), l.debit(), l.credit())));
        }
        return Csv.of("journal.csv", List.of("entry", "date", "description", "kind", "sourceEventId", "account", "debit", "credit"), rows);
    }

    /** An adjusting entry (ACCOUNTANT): balanced, dated in an open period. */
    @POST
    @Path("journal")
    @RolesAllowed(Role.ACCOUNTANT_NAME)
    public Response post(ManualEntry entry) {
        return Response.status(201).entity(ledger.postManual(entry, caller.name())).build();
    }

    @POST
    @Path("journal/{id}/reversal")
    @RolesAllowed(Role.ACCOUNTANT_NAME)
    public Response reverse(@PathParam("id") long id, Reversal reversal) {
        return Response.status(201).entity(ledger.reverse(id, reversal, caller.name())).build();
    }

    @GET
    @Path("accounts/{code}/ledger")
    public GeneralLedger generalLedger(@PathParam("code") String code, @QueryParam("from") String from,
                                       @QueryParam("to") String to) {
        return ledger.generalLedger(code, date("from", from), date("to", to));
    }

    @GET
    @Path("accounts/{code}/ledger")
    @Produces(CSV)
    public Response generalLedgerCsv(@PathParam("code") String code, @QueryParam("from") String from,
                                     @QueryParam("to") String to) {
        GeneralLedger gl = generalLedger(code, from, to);
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("", gl.from(), "Opening balance", "", "", gl.openingBalance()));
        gl.lines().forEach(l -> rows.add(List.of(l.entryId(), l.entryDate(), l.description(), l.debit(), l.credit(), l.balance())));
        return Csv.of("ledger-" + code + ".csv", List.of("entry", "date", "description", "debit", "credit", "balance"), rows);
    }

    @GET
    @Path("trial-balance")
    public TrialBalance trialBalance(@QueryParam("asOf") String asOf) {
        return ledger.trialBalance(date("asOf", asOf));
    }

    @GET
    @Path("trial-balance")
    @Produces(CSV)
    public Response trialBalanceCsv(@QueryParam("asOf") String asOf) {
        TrialBalance tb = trialBalance(asOf);
        List<List<?>> rows = new ArrayList<>(tb.lines().stream()
                .<List<?>>map(l -> List.of(l.account(), l.name(), l.type(), l.debit(), l.credit())).toList());
        rows.add(List.of("TOTAL", "", "", tb.totalDebit(), tb.totalCredit()));
        return Csv.of("trial-balance-" + tb.asOf() + ".csv", List.of("account", "name", "type", "debit", "credit"), rows);
    }

    @GET
    @Path("income-statement")
    public IncomeStatement incomeStatement(@QueryParam("from") String from, @QueryParam("to") String to) {
        return ledger.incomeStatement(date("from", from), date("to", to));
    }

    @GET
    @Path("income-statement")
    @Produces(CSV)
    public Response incomeStatementCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        IncomeStatement is = incomeStatement(from, to);
        List<List<?>> rows = new ArrayList<>();
        is.income().forEach(l -> rows.add(List.of("INCOME", l.account(), l.name(), l.amount())));
        is.expenses().forEach(l -> rows.add(List.of("EXPENSE", l.account(), l.name(), l.amount())));
        rows.add(List.of("TOTAL INCOME", "", "", is.totalIncome()));
        rows.add(List.of("TOTAL EXPENSES", "", "", is.totalExpenses()));
        rows.add(List.of("NET INCOME", "", "", is.netIncome()));
        return Csv.of("income-statement.csv", List.of("section", "account", "name", "amount"), rows);
    }

    @GET
    @Path("balance-sheet")
    public BalanceSheet balanceSheet(@QueryParam("asOf") String asOf) {
        return ledger.balanceSheet(date("asOf", asOf));
    }

    @GET
    @Path("balance-sheet")
    @Produces(CSV)
    public Response balanceSheetCsv(@QueryParam("asOf") String asOf) {
        BalanceSheet bs = balanceSheet(asOf);
        List<List<?>> rows = new ArrayList<>();
        Stream.of(List.of("ASSET", bs.assets()), List.of("LIABILITY", bs.liabilities()), List.of("EQUITY", bs.equity()))
                .forEach(section -> {
                    @SuppressWarnings("unchecked")
                    List<LedgerViews.StatementLine> lines = (List<LedgerViews.StatementLine>) section.get(1);
                    lines.forEach(l -> rows.add(List.of(section.get(0), l.account(), l.name(), l.amount())));
                });
        rows.add(List.of("EQUITY", "", "Current earnings", bs.currentEarnings()));
        rows.add(List.of("TOTAL ASSETS", "", "", bs.totalAssets()));
        rows.add(List.of("TOTAL LIABILITIES AND EQUITY", "", "", bs.totalLiabilitiesAndEquity()));
        return Csv.of("balance-sheet-" + bs.asOf() + ".csv", List.of("section", "account", "name", "amount"), rows);
    }

    @GET
    @Path("inventory-valuation")
    public List<StockView.Valuation> valuation() {
        return inventory.valuation();
    }

    @GET
    @Path("inventory-valuation")
    @Produces(CSV)
    public Response valuationCsv() {
        return Csv.of("inventory-valuation.csv", List.of("sku", "name", "location", "onHand", "averageCost", "value"),
                valuation().stream().<List<?>>map(v -> List.of(v.sku(), v.name(), v.location(), v.onHand(),
                        v.averageCost(), v.value())).toList());
    }

    @GET
    @Path("reconciliation")
    public Reconciliation reconciliation() {
        return ledger.reconciliation();
    }

    @GET
    @Path("reconciliation")
    @Produces(CSV)
    public Response reconciliationCsv() {
        Reconciliation r = reconciliation();
        return Csv.of("reconciliation.csv", List.of("stockValuation", "inventoryAccountBalance", "difference",
                        "stockEventsNotPosted", "oldestNotPosted"),
                List.of(List.of(r.stockValuation(), r.inventoryAccountBalance(), r.difference(), r.stockEventsNotPosted(),
                        r.oldestNotPosted() == null ? "" : r.oldestNotPosted())));
    }

    /** Order commit → journal entry, over the last hour. */
    @GET
    @Path("lag")
    public LedgerViews.LedgerLag lag() {
        return ledger.lag();
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "a date like 2026-11-28");
        }
    }
}
