package io.quartermaster.inventory.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** The change would leave fewer units on hand than are held for buyers. */
public class BelowReserved extends Refusal {

    public BelowReserved(String detail) {
        super(Kind.CONFLICT, "Below reserved", detail);
    }

    public BelowReserved(String detail, Map<String, Object> extensions) {
        super(Kind.CONFLICT, "Below reserved", detail, extensions);
    }
}
