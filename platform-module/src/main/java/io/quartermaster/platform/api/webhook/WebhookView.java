package io.quartermaster.platform.api.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as listed: never its secret. {@code previousSecretUntil} is set for 24 hours
 * after a rotation, while the old secret still signs beside the new one.
 */
public record WebhookView(UUID id, String url, List<String> events, String description, boolean active,
                          Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                          Instant previousSecretUntil, long pending, long failed) {
}
