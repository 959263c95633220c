package io.quartermaster.platform.api.messaging;

import java.time.Instant;

/**
 * A message that kept failing and was moved to the dead-letter address: where it was
 * going, how often it was tried and the last error its consumer reported.
 */
public record DeadLetter(
        String id,
        String eventId,
        String type,
        String consumer,
        String originalAddress,
        Instant sentAt,
        int attempts,
        String error,
        String body) {
}
