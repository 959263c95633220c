package io.quartermaster.orders.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;

/** The register is closed: its allotments went back to stock and it takes no new ones. */
public class RegisterClosed extends Refusal {

    public RegisterClosed(String detail) {
        super(Kind.CONFLICT, "Register closed", detail);
    }
}
