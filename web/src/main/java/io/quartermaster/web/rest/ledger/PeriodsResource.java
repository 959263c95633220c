package io.quartermaster.web.rest.ledger;

import io.quartermaster.erp.api.LedgerFacade;
import io.quartermaster.erp.api.LedgerViews.PeriodView;
import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.web.rest.JsonShape;
import io.quartermaster.web.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Monthly accounting periods: a closed period accepts no postings. */
@Path("/ledger/periods")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ACCOUNTANT_NAME, Role.ADMIN_NAME})
public class PeriodsResource {

    @Inject
    LedgerFacade ledger;

    @Inject
    CurrentCaller caller;

    @GET
    public List<PeriodView> list() {
        return ledger.periods();
    }

    @POST
    @Path("{month}/close")
    @RolesAllowed(Role.ACCOUNTANT_NAME)
    public PeriodView close(@PathParam("month") String month) {
        return ledger.closePeriod(month(month), caller.name());
    }

    @POST
    @Path("{month}/reopen")
    @RolesAllowed(Role.ACCOUNTANT_NAME)
    public PeriodView reopen(@PathParam("month") String month) {
        return ledger.reopenPeriod(month(month), caller.name());
    }

    private static LocalDate month(String value) {
        YearMonth month;
        try {
            month = YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("month", "a month like 2026-11");
        }
        if (!JsonShape.withinRange(month.atDay(1))) {
            throw ProblemException.invalidField("month", "a month from " + YearMonth.from(JsonShape.EARLIEST) + " to "
                    + YearMonth.from(JsonShape.LATEST));
        }
        return month.atDay(1);
    }
}
