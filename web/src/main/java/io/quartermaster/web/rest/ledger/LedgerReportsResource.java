package io.quartermaster.web.rest.ledger;

import io.quartermaster.erp.api.LedgerFacade;
import io.quartermaster.erp.api.LedgerViews;
import io.quartermaster.erp.api.LedgerViews.AccountView;
import io.quartermaster.erp.api.LedgerViews.BalanceSheet;
import io.quartermaster.erp.api.LedgerViews.EntryPage;
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
import io.quartermaster.web.report.Csv;
import io.quartermaster.web.report.LedgerReports;
import io.quartermaster.web.report.Report;
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
import java.util.List;

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
    LedgerReports reports;

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
        return csv(new Report("Chart of accounts", "balances", "accounts", List.of("code", "name", "type", "balance"),
                accounts(asOf).stream().map(a -> List.<Object>of(a.code(), a.name(), a.type(), a.balance())).toList(),
                List.of()));
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
        if ((long) page * size > Integer.MAX_VALUE) {
            throw ProblemException.invalidField("page", "must be at most " + Integer.MAX_VALUE / size + " for pages of " + size);
        }
        return ledger.journal(date("from", from), date("to", to), page, size);
    }

    @GET
    @Path("journal")
    @Produces(CSV)
    public Response journalCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        return csv(reports.journal(date("from", from), date("to", to)));
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
        return csv(reports.generalLedger(code, date("from", from), date("to", to)));
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
        return csv(reports.trialBalance(date("asOf", asOf)));
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
        return csv(reports.incomeStatement(date("from", from), date("to", to)));
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
        return csv(reports.balanceSheet(date("asOf", asOf)));
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
        return csv(reports.valuation());
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
        return csv(reports.reconciliation());
    }

    /** Order commit → journal entry, over the last hour. */
    @GET
    @Path("lag")
    public LedgerViews.LedgerLag lag() {
        return ledger.lag();
    }

    private static Response csv(Report report) {
        return Response.ok(Csv.of(report), Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + report.filename() + ".csv\"")
                .build();
    }

    static LocalDate date(String field, String value) {
        return LedgerReports.date(field, value);
    }
}
