package io.quartermaster.erp.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** More units would be received than the purchase order still expects. */
public class OverReceipt extends Refusal {

    public OverReceipt(String detail) {
        super(Kind.CONFLICT, "Over-receipt", detail);
    }

    public OverReceipt(String detail, Map<String, Object> extensions) {
        super(Kind.CONFLICT, "Over-receipt", detail, extensions);
    }
}
