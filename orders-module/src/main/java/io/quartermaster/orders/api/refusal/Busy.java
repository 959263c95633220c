package io.quartermaster.orders.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** The order could not be taken now; trying again in a moment (with the same Idempotency-Key) finds out or succeeds. */
public class Busy extends Refusal {

    public Busy(String detail) {
        super(Kind.TRY_AGAIN, "Busy", detail);
    }

    public Busy(String detail, Map<String, Object> extensions) {
        super(Kind.TRY_AGAIN, "Busy", detail, extensions);
    }
}
