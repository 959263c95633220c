package io.quartermaster.orders.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;

/** A register with this code exists already. */
public class RegisterExists extends Refusal {

    public RegisterExists(String detail) {
        super(Kind.CONFLICT, "Register exists", detail);
    }
}
