package io.quartermaster.inventory.api;

import java.util.List;

/**
 * Aim a holder's allotments at {@code location} at these targets (DESIGN.md §9): a target above
 * what the holder has reserves the difference, as much as is available; one below gives the
 * surplus back to available stock. Decided under the stock rows' locks in the same group commit
 * as holds, line by line (a line short of stock is granted what there is, never refused).
 */
public record SetAllotment(String holder, String location, List<Target> lines, String actor) implements HoldCommand {

    public record Target(String sku, int target) {
    }
}
