package io.quartermaster.inventory.api;

/** Convert an active hold into SALE movements referenced by {@code reference} (an order id). */
public record ConfirmHold(HoldId holdId, String reference, String actor) implements HoldCommand {
}
