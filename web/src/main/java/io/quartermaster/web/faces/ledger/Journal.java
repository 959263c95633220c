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

    public class Lazy extends LazyDataModel<EntryView> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) ledger.journal(from, to, 0, 1).total();
        }

        @Override
        public List<EntryView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            EntryPage page = ledger.journal(from, to, first / pageSize, pageSize);
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(EntryView entry) {
            return String.valueOf(entry.id());
        }
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
