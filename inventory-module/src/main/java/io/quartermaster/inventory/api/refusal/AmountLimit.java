package io.quartermaster.inventory.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** An amount would pass the most a movement, an order or a journal line holds. */
public class AmountLimit extends Refusal {

    public AmountLimit(String detail) {
        super(Kind.BREAKS_A_RULE, "Amount limit", detail);
    }

    public AmountLimit(String detail, Map<String, Object> extensions) {
        super(Kind.BREAKS_A_RULE, "Amount limit", detail, extensions);
    }
}
