package io.quartermaster.platform.infrastructure.outbox;

/** Fired when an event is stored; observed after commit to wake the relay without waiting for its next poll. */
public record OutboxWritten() {
}
