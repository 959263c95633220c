package io.quartermaster.orders.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** The payment provider declined the payment; the stock was released. */
public class PaymentDeclined extends Refusal {

    public PaymentDeclined(String detail) {
        super(Kind.DECLINED, "Payment declined", detail);
    }

    public PaymentDeclined(String detail, Map<String, Object> extensions) {
        super(Kind.DECLINED, "Payment declined", detail, extensions);
    }
}
