package io.quartermaster.orders.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;

/** A register's sale clashes with one recorded before: its id with another number, or its number with another id. */
public class SaleNumberTaken extends Refusal {

    public SaleNumberTaken(String detail) {
        super(Kind.CONFLICT, "Sequence conflict", detail);
    }
}
