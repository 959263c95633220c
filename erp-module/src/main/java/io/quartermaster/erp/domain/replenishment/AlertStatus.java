package io.quartermaster.erp.domain.replenishment;

import java.util.Arrays;

/** A low-stock alert is OPEN while projected stock is below the reorder point, CLOSED once it is not. */
public enum AlertStatus {
    OPEN, CLOSED;

    /** Every status, by name (for filters). */
    public static final String[] NAMES = Arrays.stream(values()).map(Enum::name).toArray(String[]::new);
}
