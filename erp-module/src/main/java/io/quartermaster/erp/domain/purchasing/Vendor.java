package io.quartermaster.erp.domain.purchasing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A vendor purchase orders go to: the address orders are sent to and the usual lead time, which
 * the suggested reorder point plans for. Written by an upsert (a concurrent PUT of a new code
 * cannot fail on the key), read through this entity.
 */
@Entity
@Table(name = "vendor", schema = "erp")
public class Vendor {

    /** When a vendor names none: a week. */
    public static final int DEFAULT_LEAD_TIME_DAYS = 7;

    @Id
    private String code;

    @Column(nullable = false, insertable = false, updatable = false)
    private String name;

    @Column(insertable = false, updatable = false)
    private String email;

    @Column(name = "lead_time_days", nullable = false, insertable = false, updatable = false)
    private int leadTimeDays;

    protected Vendor() {
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public int leadTimeDays() {
        return leadTimeDays;
    }
}
