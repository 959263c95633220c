package io.quartermaster.inventory.api;

import java.util.UUID;

/** Free an active hold's units. */
public record ReleaseHold(UUID holdId, String actor) implements HoldCommand {
}
