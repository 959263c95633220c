package io.quartermaster.orders.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** The checkout's hold ran out; a payment taken meanwhile is refunded. */
public class CheckoutExpired extends Refusal {

    public CheckoutExpired(String detail) {
        super(Kind.GONE, "Checkout expired", detail);
    }

    public CheckoutExpired(String detail, Map<String, Object> extensions) {
        super(Kind.GONE, "Checkout expired", detail, extensions);
    }
}
