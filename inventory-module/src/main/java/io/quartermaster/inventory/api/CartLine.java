package io.quartermaster.inventory.api;

/** One line of a cart to hold: a SKU and a positive quantity. */
public record CartLine(String sku, int quantity) {
}
