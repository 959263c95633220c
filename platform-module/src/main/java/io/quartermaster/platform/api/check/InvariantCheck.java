package io.quartermaster.platform.api.check;

import java.util.List;
import java.util.Map;

/**
 * One rule verified over all the rows it concerns: how many were looked at and every row
 * (or group of rows) that breaks it. The invariant checker collects these from every module.
 *
 * @param module  the module that owns the rule
 * @param rule    the rule in words, e.g. "on_hand = Σ movements"
 * @param checked how many rows or groups were checked
 */
public record InvariantCheck(String module, String rule, long checked, List<Violation> violations) {

    /** At most this many violations are listed per rule; {@code checked} and the count stay exact. */
    public static final int MAX_LISTED = 100;

    public InvariantCheck {
        violations = List.copyOf(violations.size() > MAX_LISTED ? violations.subList(0, MAX_LISTED) : violations);
    }

    /** A broken rule with the rows involved, named by their keys (sku, location, order id, entry id …). */
    public record Violation(String detail, Map<String, Object> rows) {
    }

    public boolean ok() {
        return violations.isEmpty();
    }
}
