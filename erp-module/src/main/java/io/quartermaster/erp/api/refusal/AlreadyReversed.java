package io.quartermaster.erp.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;

/** A journal entry is reversed once; a second reversal would undo the correction. */
public class AlreadyReversed extends Refusal {

    public AlreadyReversed(String detail) {
        super(Kind.CONFLICT, "Conflict", detail);
    }
}
