package io.quartermaster.web.faces.ledger;

import io.quartermaster.erp.api.LedgerFacade;
import io.quartermaster.erp.api.LedgerViews.PeriodView;
import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.web.faces.Feedback;
import io.quartermaster.web.security.CurrentCaller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * Accounting periods (months): a closed month takes no more entries. Admins may look; only an
 * accountant closes or reopens, checked here as well as by hiding the buttons.
 */
@Named
@ViewScoped
public class Periods implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LedgerFacade ledger;

    @Inject
    transient CurrentCaller caller;

    private List<PeriodView> periods;
    private LocalDate month;

    @PostConstruct
    void load() {
        periods = ledger.periods();
    }

    public boolean isMayChange() {
        return caller.get().hasRole(Role.ACCOUNTANT);
    }

    public void close() {
        change(true, month);
    }

    public void close(PeriodView period) {
        change(true, period.month());
    }

    public void reopen(PeriodView period) {
        change(false, period.month());
    }

    private void change(boolean close, LocalDate which) {
        if (!isMayChange()) {
            Feedback.error(null, null, "Only an accountant closes or reopens periods.");
            return;
        }
        if (which == null) {
            Feedback.error("periods", "month", "choose the month");
            return;
        }
        LocalDate first = which.withDayOfMonth(1);
        Feedback.attempt("periods", () -> close ? ledger.closePeriod(first, caller.name()) : ledger.reopenPeriod(first, caller.name()),
                (close ? "Closed " : "Reopened ") + first.getMonth() + " " + first.getYear() + ".");
        load();
    }

    public List<PeriodView> getPeriods() {
        return periods;
    }

    public LocalDate getMonth() {
        return month;
    }

    public void setMonth(LocalDate month) {
        this.month = month;
    }
}
