package io.quartermaster.erp.domain.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An accounting month that someone closed or reopened (a month without a row is open). Closing and
 * reopening are an upsert, and postings read the rows {@code for share} so none lands in a month
 * that is being closed under it; both stay SQL. The entity is how the periods are listed.
 */
@Entity
@Table(name = "period", schema = "erp")
public class Period {

    /** The first day of the month. */
    @Id
    private LocalDate month;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, insertable = false, updatable = false)
    private PeriodStatus status;

    @Column(name = "changed_at", insertable = false, updatable = false)
    private Instant changedAt;

    @Column(name = "changed_by", insertable = false, updatable = false)
    private String changedBy;

    protected Period() {
    }

    public LocalDate month() {
        return month;
    }

    public PeriodStatus status() {
        return status;
    }

    public boolean closed() {
        return status == PeriodStatus.CLOSED;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public String changedBy() {
        return changedBy;
    }
}
