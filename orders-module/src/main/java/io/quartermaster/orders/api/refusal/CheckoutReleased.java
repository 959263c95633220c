package io.quartermaster.orders.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** The checkout was released: its units are back on sale. */
public class CheckoutReleased extends Refusal {

    public CheckoutReleased(String detail) {
        super(Kind.CONFLICT, "Checkout released", detail);
    }

    public CheckoutReleased(String detail, Map<String, Object> extensions) {
        super(Kind.CONFLICT, "Checkout released", detail, extensions);
    }
}
