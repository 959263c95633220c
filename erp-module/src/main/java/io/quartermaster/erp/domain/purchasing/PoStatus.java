package io.quartermaster.erp.domain.purchasing;

import java.util.Arrays;
import java.util.List;

/**
 * Where a purchase order stands, and the moves between them: a DRAFT is issued or cancelled; an
 * ISSUED order is received (in part: PARTIALLY_RECEIVED, in full: RECEIVED) or cancelled; a
 * PARTIALLY_RECEIVED one is received further or cancelled (what arrived stays); RECEIVED and
 * CANCELLED are final. Stored by name in {@code erp.purchase_order.status}.
 */
public enum PoStatus {
    DRAFT, ISSUED, PARTIALLY_RECEIVED, RECEIVED, CANCELLED;

    /** Every status, by name, in the order above (for filters). */
    public static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();

    /** Still to be delivered: what counts as on order. */
    public static final List<PoStatus> OPEN = List.of(DRAFT, ISSUED, PARTIALLY_RECEIVED);

    public boolean canBeIssued() {
        return this == DRAFT;
    }

    public boolean canBeReceived() {
        return this == ISSUED || this == PARTIALLY_RECEIVED;
    }

    public boolean canBeCancelled() {
        return this != RECEIVED && this != CANCELLED;
    }

    /** The status after goods arrived: RECEIVED once nothing is left to come. */
    public static PoStatus afterReceipt(boolean complete) {
        return complete ? RECEIVED : PARTIALLY_RECEIVED;
    }
}
