package io.quartermaster.inventory.api;

import io.quartermaster.platform.api.problem.ProblemException;

/**
 * What became of one {@link HoldCommand} of a batch: the hold as it is now (or, for
 * {@link SetAllotment}, the allotments), or the refusal (the same one the single command would
 * have thrown). A refused command changed nothing.
 */
public record HoldOutcome(HoldView hold, java.util.List<AllotmentView> allotments, ProblemException refusal) {

    public static HoldOutcome done(HoldView hold) {
        return new HoldOutcome(hold, null, null);
    }

    public static HoldOutcome allotted(java.util.List<AllotmentView> allotments) {
        return new HoldOutcome(null, allotments, null);
    }

    public static HoldOutcome refused(ProblemException refusal) {
        return new HoldOutcome(null, null, refusal);
    }

    public boolean refused() {
        return refusal != null;
    }

    /** The hold, or the refusal thrown. */
    public HoldView orThrow() {
        if (refusal != null) {
            throw refusal;
        }
        return hold;
    }
}
