package io.quartermaster.web.faces.ledger;

import io.quartermaster.erp.api.LedgerFacade;
import io.quartermaster.erp.api.LedgerViews.EntryPage;
import io.quartermaster.erp.api.LedgerViews.EntryView;
import io.quartermaster.web.report.LedgerReports;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import io.quartermaster.web.faces.Feedback;
import io.quartermaster.web.report.Report;

/** The journal, every entry with its lines, paged in the database; exports cover the whole date range. */
@Named
@ViewScoped
public class Journal implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LedgerFacade ledger;

    private LocalDate from;
    private LocalDate to;
    private final Lazy table = new Lazy();
    private java.util.Map<String, String> accountNames;

    public class Lazy extends LazyDataModel<EntryView> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return isRangeValid() ? (int) ledger.journal(from, to, 0, 1).total() : 0;
        }

        @Override
        public List<EntryView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            boolean oldestFirst = sortBy.values().stream().anyMatch(m -> m.getOrder() == SortOrder.ASCENDING);
            if (!isRangeValid()) {
                return List.of();
            }
            EntryPage page = ledger.journal(from, to, first / pageSize, pageSize, oldestFirst);
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(EntryView entry) {
            return String.valueOf(entry.id());
        }
    }

    /** "1200 Inventory": an account as an accountant reads it. */
    public String account(String code) {
        if (accountNames == null) {
            accountNames = new java.util.HashMap<>();
            ledger.accounts(null).forEach(a -> accountNames.put(a.code(), a.name()));
        }
        String name = accountNames.get(code);
        return name == null ? code : code + " " + name;
    }

    /** Show pressed: a To before the From is said next to the field instead of an empty journal. */
    public void show() {
        if (!isRangeValid()) {
            Feedback.error("journal", "to", "To (" + Report.day(to) + ") is before From (" + Report.day(from)
                    + "): choose a day on or after it.");
        }
    }

    public boolean isRangeValid() {
        return from == null || to == null || !to.isBefore(from);
    }

    public String export(String format) {
        return ReportExport.link(FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath(),
                new LedgerReports.Request(LedgerReports.Kind.JOURNAL, null, from, to, null), format);
    }

    public Lazy getTable() {
        return table;
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
}
