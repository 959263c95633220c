package io.quartermaster.inventory.api;

import java.util.List;

/**
 * The result of checking every stock level: on hand equals the sum of its movements,
 * 0 ≤ reserved ≤ on hand, reserved equals the active holds plus the registers' allotments, and the value is
 * consistent with the quantity. Empty {@code violations} means all holds.
 */
public record StockCheck(int levelsChecked, List<Violation> violations) {

    public record Violation(String rule, String sku, String location, String detail) {
    }

    public boolean ok() {
        return violations.isEmpty();
    }
}
