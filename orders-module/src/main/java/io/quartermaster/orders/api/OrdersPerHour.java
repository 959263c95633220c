package io.quartermaster.orders.api;

import java.time.Instant;

/** How many orders a channel took in the hour that starts at {@code hour} (for the dashboard's chart). */
public record OrdersPerHour(Instant hour, String channel, long orders) {
}
