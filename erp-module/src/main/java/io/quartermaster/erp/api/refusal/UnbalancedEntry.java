package io.quartermaster.erp.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** Debits and credits differ: a journal entry must balance. */
public class UnbalancedEntry extends Refusal {

    public UnbalancedEntry(String detail) {
        super(Kind.BREAKS_A_RULE, "Unbalanced entry", detail);
    }

    public UnbalancedEntry(String detail, Map<String, Object> extensions) {
        super(Kind.BREAKS_A_RULE, "Unbalanced entry", detail, extensions);
    }
}
