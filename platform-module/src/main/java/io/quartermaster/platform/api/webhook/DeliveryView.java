package io.quartermaster.platform.api.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * One event's delivery to one subscription. {@code lastHttpStatus} is the receiver's last answer
 * (null when none came: refused connection, timeout); {@code lastError} says what went wrong.
 */
public record DeliveryView(UUID eventId, String eventType, DeliveryStatus status, int attempts, Integer lastHttpStatus,
                           String lastError, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt,
                           Instant deliveredAt) {
}
