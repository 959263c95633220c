package io.quartermaster.platform.api.event;

import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The wire form of every event: {@code {eventId, type, version, occurredAt, payload}}.
 * The event id is unique per event and is what consumers and the broker de-duplicate on.
 */
public record EventEnvelope(UUID eventId, String type, int version, Instant occurredAt, String payload) {

    private static final Jsonb JSONB = JsonbBuilder.create();

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    public static EventEnvelope wrap(DomainEvent event, UUID eventId, Instant occurredAt) {
        return new EventEnvelope(eventId, event.type(), event.version(), occurredAt, JSONB.toJson(event));
    }

    /** Reads the payload into the event record it was written from. */
    public <T> T payloadAs(Class<T> type) {
        return JSONB.fromJson(payload, type);
    }

    /**
     * The envelope as JSON. The payload is JSON written by {@link #wrap} (or read from a
     * well-formed envelope), so it is embedded as it is instead of being parsed and written again.
     */
    public String toJson() {
        return "{\"eventId\":\"" + eventId + "\",\"type\":" + Jsonp.quote(type) + ",\"version\":" + version
                + ",\"occurredAt\":\"" + occurredAt + "\",\"payload\":" + payload + "}";
    }

    /**
     * Parses a message body. Anything that is not a well-formed envelope is rejected with
     * {@link MalformedEventException}, which sends the message towards the dead-letter address.
     */
    public static EventEnvelope fromJson(String json) {
        try {
            JsonObject o = Jsonp.parseObject(json);
            return new EventEnvelope(
                    UUID.fromString(o.getString("eventId")),
                    o.getString("type"),
                    o.getInt("version", 1),
                    Instant.parse(o.getString("occurredAt")),
                    o.getJsonObject("payload").toString());
        } catch (RuntimeException e) {
            throw new MalformedEventException("not an event envelope: " + e.getMessage(), e);
        }
    }
}
