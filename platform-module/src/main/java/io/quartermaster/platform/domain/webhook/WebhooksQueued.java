package io.quartermaster.platform.domain.webhook;

/** Fired in a transaction that queued deliveries (or made some due): the senders wake when it commits. */
public record WebhooksQueued() {
}
