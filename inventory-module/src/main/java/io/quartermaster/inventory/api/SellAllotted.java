package io.quartermaster.inventory.api;

import java.util.List;

/**
 * A sale a holder (a register) made from its allotments at {@code location} (DESIGN.md §9): each
 * line's units come from the holder's allotment first — on hand and reserved both go down — and
 * any units beyond it from free stock; one SALE movement per line, referenced by
 * {@code reference} (the order's id), dated for the books by {@code soldAt}. Refused whole, changing nothing, when free stock cannot
 * cover what the allotment does not; the outcome's hold view lists what was sold, line by line.
 */
public record SellAllotted(String holder, String location, String reference, List<CartLine> lines,
                           java.time.Instant soldAt, String actor)
        implements HoldCommand {
}
