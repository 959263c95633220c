package io.quartermaster.inventory.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** The hold was already confirmed or released. */
public class HoldNotActive extends Refusal {

    public HoldNotActive(String detail) {
        super(Kind.CONFLICT, "Hold not active", detail);
    }

    public HoldNotActive(String detail, Map<String, Object> extensions) {
        super(Kind.CONFLICT, "Hold not active", detail, extensions);
    }
}
