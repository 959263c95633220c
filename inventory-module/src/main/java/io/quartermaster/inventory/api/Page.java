package io.quartermaster.inventory.api;

import java.util.List;

/** One page of a longer list. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
