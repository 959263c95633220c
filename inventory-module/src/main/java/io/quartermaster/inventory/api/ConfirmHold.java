package io.quartermaster.inventory.api;

import java.util.UUID;

/** Convert an active hold into SALE movements referenced by {@code reference} (an order id). */
public record ConfirmHold(UUID holdId, String reference, String actor) implements HoldCommand {
}
