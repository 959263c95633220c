package io.quartermaster.inventory.api;

/** A cart line that could not be held: how many were asked for and how many are available. */
public record Shortage(String sku, int requested, int available) {
}
