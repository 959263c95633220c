package io.quartermaster.web.faces.ledger;

import io.quartermaster.erp.api.LedgerFacade;
import io.quartermaster.erp.api.LedgerViews.AccountView;
import io.quartermaster.erp.api.LedgerViews.Reconciliation;
import io.quartermaster.web.faces.Feedback;
import io.quartermaster.web.report.LedgerReports;
import io.quartermaster.web.report.LedgerReports.Kind;
import io.quartermaster.web.report.Report;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Any ledger report on one page ({@code /accounting/report.xhtml?name=trial-balance&asOf=…}): its date
 * filters, the table with its totals, and links to the same report as CSV and PDF. The table is the
 * {@link Report} the exports and the API's CSV are made from.
 */
@Named
@ViewScoped
public class LedgerReport implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LedgerReports reports;

    @Inject
    transient LedgerFacade ledger;

    private String name = Kind.TRIAL_BALANCE.slug();
    private Kind kind = Kind.TRIAL_BALANCE;
    private LocalDate asOf;
    private LocalDate from;
    private LocalDate to;
    private String account;
    private Report report;
    private Reconciliation reconciliation;

    private String asOfText;
    private String fromText;
    private String toText;
    private boolean dateRefused;

    /** A date filter from the URL; one the page cannot read is said so next to its field. */
    private LocalDate date(String field, String label, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            String said = label + ": " + text + " is not a date; write it as yyyy-mm-dd, e.g. 2026-12-31.";
            FacesContext.getCurrentInstance().addMessage(field,
                    new jakarta.faces.application.FacesMessage(jakarta.faces.application.FacesMessage.SEVERITY_ERROR, said, null));
            dateRefused = true;
            return null;
        }
    }

    public String getAsOfText() {
        return asOfText;
    }

    public void setAsOfText(String asOfText) {
        this.asOfText = asOfText;
    }

    public String getFromText() {
        return fromText;
    }

    public void setFromText(String fromText) {
        this.fromText = fromText;
    }

    public String getToText() {
        return toText;
    }

    public void setToText(String toText) {
        this.toText = toText;
    }

    public void load() {
        report = null;
        reconciliation = null;
        dateRefused = false;
        try {
            kind = Kind.of(name);
        } catch (RuntimeException e) {
            Feedback.error(null, null, "There is no report called " + name + ".");
            return;
        }
        // The dates come as text: a date the page cannot read is said so, instead of an empty report of another name.
        asOf = date("asOf", "As of", asOfText);
        from = date("from", "From", fromText);
        to = date("to", "To", toText);
        if (dateRefused) {
            return;
        }
        if (from != null && to != null && from.isAfter(to)) {
            String said = "From (" + from + ") is after To (" + to + "): choose a From on or before the To date.";
            FacesContext.getCurrentInstance().addMessage("to",
                    new jakarta.faces.application.FacesMessage(jakarta.faces.application.FacesMessage.SEVERITY_ERROR, said, null));
            return;
        }
        if (kind == Kind.GENERAL_LEDGER && (account == null || account.isBlank())) {
            // Opens on the inventory account (the one the stock side reconciles with) rather than on nothing.
            account = io.quartermaster.erp.api.LedgerFacade.INVENTORY_ACCOUNT;
        }
        Feedback.attempt("filters", () -> reports.build(new LedgerReports.Request(kind, asOf, from, to, account)), null)
                .ifPresent(r -> report = r);
        if (kind == Kind.RECONCILIATION) {
            reconciliation = ledger.reconciliation();
        }
    }

    public String getTitle() {
        return kind.title();
    }

    public List<Integer> getColumns() {
        return report == null ? List.of() : IntStream.range(0, report.header().size()).boxed().toList();
    }

    public boolean total(List<Object> row) {
        return report != null && report.totals().contains(row);
    }

    /** A cell as people read it (separators, two decimals, dates in words). */
    public String text(Object cell) {
        return Report.text(cell);
    }

    /** The currency every amount of the books is in. */
    public String getCurrency() {
        return io.quartermaster.platform.api.Money.DEFAULT_CURRENCY.getCurrencyCode();
    }

    public boolean numeric(int column) {
        return report != null && report.numeric(column);
    }

    public boolean isBalanced() {
        return reconciliation != null && reconciliation.difference().compareTo(BigDecimal.ZERO) == 0;
    }

    /** The download link of this report as it is shown, in {@code format} (csv or pdf). */
    public String export(String format) {
        return ReportExport.link(FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath(),
                new LedgerReports.Request(kind, asOf, from, to, account), format);
    }

    public List<AccountView> getAccounts() {
        return ledger.accounts(null);
    }

    public Kind getKind() {
        return kind;
    }

    public Report getReport() {
        return report;
    }

    public Reconciliation getReconciliation() {
        return reconciliation;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    public void setAsOf(LocalDate asOf) {
        this.asOf = asOf;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }
}
