package io.quartermaster.inventory.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** A stock level would pass the most a level can hold. */
public class StockLimit extends Refusal {

    public StockLimit(String detail) {
        super(Kind.BREAKS_A_RULE, "Stock limit", detail);
    }

    public StockLimit(String detail, Map<String, Object> extensions) {
        super(Kind.BREAKS_A_RULE, "Stock limit", detail, extensions);
    }
}
