package io.quartermaster.erp.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** No vendor has this code. */
public class UnknownVendor extends Refusal {

    public UnknownVendor(String detail) {
        super(Kind.UNKNOWN, "Unknown vendor", detail);
    }

    public UnknownVendor(String detail, Map<String, Object> extensions) {
        super(Kind.UNKNOWN, "Unknown vendor", detail, extensions);
    }
}
