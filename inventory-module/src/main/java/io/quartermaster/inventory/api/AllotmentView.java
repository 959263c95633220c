package io.quartermaster.inventory.api;

/**
 * A holder's allotment of one SKU at one location: the target staff or the holder set, what was
 * granted in all, sold from it, given back, and what the holder has now; {@code shortBy} — after a
 * top-up — the units the target asked for that were not available.
 */
public record AllotmentView(String holder, String location, String sku, int target, int granted, int sold, int returned,
                            int remaining, int shortBy) {
}
