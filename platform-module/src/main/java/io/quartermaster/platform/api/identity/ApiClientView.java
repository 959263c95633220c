package io.quartermaster.platform.api.identity;

import java.time.Instant;
import java.util.UUID;

/** An API client as listed: the key itself is never shown again, only its first characters. */
public record ApiClientView(UUID id, String name, Role role, String channel, String keyPrefix,
                            Instant createdAt, String createdBy, Instant revokedAt) {
}
