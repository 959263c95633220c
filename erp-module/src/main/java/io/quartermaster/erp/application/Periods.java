package io.quartermaster.erp.application;

import io.quartermaster.erp.api.LedgerViews.PeriodView;
import io.quartermaster.erp.api.refusal.PeriodClosed;
import io.quartermaster.erp.domain.ledger.Period;
import io.quartermaster.erp.domain.ledger.PeriodStatus;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Accounting periods: which months are closed, where an entry dated in a closed month is booked, and
 * closing or reopening a month. Reads take a share lock on the period rows, so no posting lands in a
 * period that is being closed under it.
 */
@ApplicationScoped
class Periods {

    @PersistenceContext(unitName = "erp")
    EntityManager em;

    @Inject
    Transactions transactions;

    boolean closed(LocalDate month) {
        @SuppressWarnings("unchecked")
        List<Object> status = em.createNativeQuery("select status from erp.period where month = ?1 for share")
                .setParameter(1, Date.valueOf(month.withDayOfMonth(1))).getResultList();
        return !status.isEmpty() && PeriodStatus.CLOSED.name().equals(status.get(0));
    }

    /** The date itself when its month is open; otherwise the first day of the first open month after it. */
    LocalDate openDateOnOrAfter(LocalDate date) {
        return openDateOnOrAfter(date, closedMonthsFrom(date));
    }

    static LocalDate openDateOnOrAfter(LocalDate date, Set<LocalDate> closedMonths) {
        LocalDate month = date.withDayOfMonth(1);
        if (!closedMonths.contains(month)) {
            return date;
        }
        do {
            month = month.plusMonths(1);
        } while (closedMonths.contains(month));
        return month;
    }

    /**
     * The closed months from {@code date}'s on, read once; {@code for share} waits for a close or
     * reopen in flight, so no posting lands in a period that is being closed under it.
     */
    Set<LocalDate> closedMonthsFrom(LocalDate date) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select month, status from erp.period where month >= ?1 for share")
                .setParameter(1, Date.valueOf(date.withDayOfMonth(1))).getResultList();
        Set<LocalDate> closed = new java.util.HashSet<>();
        for (Object[] r : rows) {
            if (PeriodStatus.CLOSED.name().equals(r[1])) {
                closed.add(((Date) r[0]).toLocalDate());
            }
        }
        return closed;
    }

    void requireOpen(LocalDate date) {
        if (closed(date)) {
            throw new PeriodClosed("the period " + date.withDayOfMonth(1) + " is closed; "
                    + "reopen it or date the entry in an open period");
        }
    }

    List<PeriodView> all() {
        return em.createQuery("select p from Period p order by p.month", Period.class).getResultStream()
                .map(Periods::view).toList();
    }

    private static PeriodView view(Period p) {
        return new PeriodView(p.month(), p.status().name(), p.changedAt(), p.changedBy());
    }

    PeriodView set(LocalDate month, PeriodStatus status, String actor) {
        LocalDate first = month.withDayOfMonth(1);
        return transactions.inTransaction(() -> {
            em.createNativeQuery("insert into erp.period (month, status, changed_by) values (?1, ?2, ?3) "
                            + "on conflict (month) do update set status = excluded.status, changed_at = now(), changed_by = excluded.changed_by")
                    .setParameter(1, Date.valueOf(first)).setParameter(2, status.name()).setParameter(3, actor)
                    .executeUpdate();
            return view(em.find(Period.class, first));
        });
    }
}
