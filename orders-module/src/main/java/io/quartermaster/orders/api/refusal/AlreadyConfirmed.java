package io.quartermaster.orders.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** The checkout became an order before. */
public class AlreadyConfirmed extends Refusal {

    public AlreadyConfirmed(String detail) {
        super(Kind.CONFLICT, "Already confirmed", detail);
    }

    public AlreadyConfirmed(String detail, Map<String, Object> extensions) {
        super(Kind.CONFLICT, "Already confirmed", detail, extensions);
    }
}
