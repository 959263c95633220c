package io.quartermaster.platform.api.event;

/**
 * A past-tense fact a module publishes through the {@link Outbox}. Implementations are
 * records in the publishing module's {@code api.event} package; their components are the
 * JSON payload. Adding a field keeps the version; a breaking change ships a new version.
 */
public interface DomainEvent {

    /** The event type on the wire; by default the record's simple name, e.g. {@code OrderPlaced}. */
    default String type() {
        return getClass().getSimpleName();
    }

    default int version() {
        return 1;
    }
}
