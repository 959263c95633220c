package io.quartermaster.inventory.api;

import java.util.Objects;

/**
 * The code of a stock location (a warehouse, a store's back room). Stock levels are keyed by
 * (location, SKU), and rows are locked in that order; a value so the two cannot be swapped in a
 * call. It only refuses null: a code's form and existence are the catalogue's rules.
 */
public record LocationCode(String value) implements Comparable<LocationCode> {

    public LocationCode {
        Objects.requireNonNull(value, "location");
    }

    @Override
    public int compareTo(LocationCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
