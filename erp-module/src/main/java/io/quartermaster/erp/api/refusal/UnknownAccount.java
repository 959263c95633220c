package io.quartermaster.erp.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** No account in the chart has this code. */
public class UnknownAccount extends Refusal {

    public UnknownAccount(String detail) {
        super(Kind.BREAKS_A_RULE, "Unknown account", detail);
    }

    public UnknownAccount(String detail, Map<String, Object> extensions) {
        super(Kind.BREAKS_A_RULE, "Unknown account", detail, extensions);
    }
}
