package io.quartermaster.erp.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;

/** An account keeps its type (asset, liability, …): its balance has been read that way in every report. */
public class AccountTypeFixed extends Refusal {

    public AccountTypeFixed(String detail) {
        super(Kind.CONFLICT, "Conflict", detail);
    }
}
