package io.quartermaster.orders.api;

/** A caller selling through one channel: a CHANNEL API client. */
public record Seller(String owner, String channel, String actor) {
}
