package io.quartermaster.erp.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** A purchase-order line names a location that does not exist (the title is the published one). */
public class NoSuchLocation extends Refusal {

    public NoSuchLocation(String detail) {
        super(Kind.UNKNOWN, "Not found", detail);
    }

    public NoSuchLocation(String detail, Map<String, Object> extensions) {
        super(Kind.UNKNOWN, "Not found", detail, extensions);
    }
}
