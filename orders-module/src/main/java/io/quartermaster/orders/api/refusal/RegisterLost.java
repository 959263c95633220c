package io.quartermaster.orders.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;

/**
 * The register was closed as lost: its location's count has accounted for the units it held, so a
 * sale it sends now is kept for staff (the money) but moves no stock.
 */
public class RegisterLost extends Refusal {

    public RegisterLost(String detail) {
        super(Kind.CONFLICT, "Register lost", detail);
    }
}
