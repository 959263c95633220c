package io.quartermaster.inventory.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** No location has this code. */
public class UnknownLocation extends Refusal {

    public UnknownLocation(String detail) {
        super(Kind.UNKNOWN, "Unknown location", detail);
    }

    public UnknownLocation(String detail, Map<String, Object> extensions) {
        super(Kind.UNKNOWN, "Unknown location", detail, extensions);
    }
}
