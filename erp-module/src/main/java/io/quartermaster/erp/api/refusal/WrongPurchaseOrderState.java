package io.quartermaster.erp.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;

/** The purchase order's status does not allow this (issue a received order, receive a draft, …). */
public class WrongPurchaseOrderState extends Refusal {

    public WrongPurchaseOrderState(String detail) {
        // The title is the published one ("Conflict"), as before this refusal had a name.
        super(Kind.CONFLICT, "Conflict", detail);
    }
}
