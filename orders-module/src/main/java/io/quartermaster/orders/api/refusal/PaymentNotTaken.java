package io.quartermaster.orders.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** The payment provider could not be reached; nothing was charged. */
public class PaymentNotTaken extends Refusal {

    public PaymentNotTaken(String detail) {
        super(Kind.TRY_AGAIN, "Payment unavailable", detail);
    }

    public PaymentNotTaken(String detail, Map<String, Object> extensions) {
        super(Kind.TRY_AGAIN, "Payment unavailable", detail, extensions);
    }
}
