package io.quartermaster.inventory.api;

/** Free an active hold's units. */
public record ReleaseHold(HoldId holdId, String actor) implements HoldCommand {
}
