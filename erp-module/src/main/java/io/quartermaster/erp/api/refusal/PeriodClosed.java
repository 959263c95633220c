package io.quartermaster.erp.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** The accounting period is closed: nothing more may be posted to it. */
public class PeriodClosed extends Refusal {

    public PeriodClosed(String detail) {
        super(Kind.CONFLICT, "Period closed", detail);
    }

    public PeriodClosed(String detail, Map<String, Object> extensions) {
        super(Kind.CONFLICT, "Period closed", detail, extensions);
    }
}
