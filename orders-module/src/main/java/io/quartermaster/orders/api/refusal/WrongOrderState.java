package io.quartermaster.orders.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** The order's state does not allow this (cancelling a returned order, returning a cancelled one). */
public class WrongOrderState extends Refusal {

    public WrongOrderState(String detail) {
        super(Kind.CONFLICT, "Order state", detail);
    }

    public WrongOrderState(String detail, Map<String, Object> extensions) {
        super(Kind.CONFLICT, "Order state", detail, extensions);
    }
}
