package io.quartermaster.inventory.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** The hold ran out before it was confirmed: its units went back on sale. */
public class HoldExpired extends Refusal {

    public HoldExpired(String detail) {
        super(Kind.GONE, "Hold expired", detail);
    }

    public HoldExpired(String detail, Map<String, Object> extensions) {
        super(Kind.GONE, "Hold expired", detail, extensions);
    }
}
