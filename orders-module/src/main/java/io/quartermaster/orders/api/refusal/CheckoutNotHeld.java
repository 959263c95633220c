package io.quartermaster.orders.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** The checkout holds no stock any more. */
public class CheckoutNotHeld extends Refusal {

    public CheckoutNotHeld(String detail) {
        super(Kind.CONFLICT, "Checkout not held", detail);
    }

    public CheckoutNotHeld(String detail, Map<String, Object> extensions) {
        super(Kind.CONFLICT, "Checkout not held", detail, extensions);
    }
}
