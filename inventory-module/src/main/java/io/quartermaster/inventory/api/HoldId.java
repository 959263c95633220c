package io.quartermaster.inventory.api;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a hold: units set aside for a cart until it is confirmed, released or expires.
 * The orders module chooses it (a checkout's hold id is derived from the checkout), so a retried
 * hold finds the first one.
 */
public record HoldId(UUID value) {

    public HoldId {
        Objects.requireNonNull(value, "holdId");
    }

    public static HoldId random() {
        return new HoldId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
