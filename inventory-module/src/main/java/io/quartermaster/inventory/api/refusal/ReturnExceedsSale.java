package io.quartermaster.inventory.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** More units would come back than the sale took. */
public class ReturnExceedsSale extends Refusal {

    public ReturnExceedsSale(String detail) {
        super(Kind.CONFLICT, "Return exceeds sale", detail);
    }

    public ReturnExceedsSale(String detail, Map<String, Object> extensions) {
        super(Kind.CONFLICT, "Return exceeds sale", detail, extensions);
    }
}
