package io.quartermaster.inventory.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** No product has these SKUs. */
public class UnknownSku extends Refusal {

    public UnknownSku(String detail) {
        super(Kind.UNKNOWN, "Unknown SKU", detail);
    }

    public UnknownSku(String detail, Map<String, Object> extensions) {
        super(Kind.UNKNOWN, "Unknown SKU", detail, extensions);
    }
}
