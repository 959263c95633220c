package io.quartermaster.inventory.api;

/** The result of a create-or-update: the saved value and whether it was created. */
public record Saved<T>(T value, boolean created) {
}
