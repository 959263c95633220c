package io.quartermaster.inventory.api;

import java.util.Objects;

/**
 * A product's stock-keeping unit: the identity every product, stock level, movement, hold line and
 * order line names. A value, so a signature says what it takes ({@code stock(Sku)}, not
 * {@code stock(String)}) and a location code cannot be passed where a SKU is meant. Whether a SKU
 * is well formed or known is the catalogue's rule ({@code InvalidField "sku"}, {@code UnknownSku}),
 * not this record's: it only refuses null. On the wire and in the database it is its text.
 */
public record Sku(String value) implements Comparable<Sku> {

    public Sku {
        Objects.requireNonNull(value, "sku");
    }

    @Override
    public int compareTo(Sku other) {
        return value.compareTo(other.value);
    }

    /** The text, as it is written in messages, SQL parameters and JSON. */
    @Override
    public String toString() {
        return value;
    }
}
