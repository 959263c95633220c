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
public record EventEnvelope(UUID eventId, String type, int version, Instant occurredAt, String payload,
                            JsonObject parsedPayload) {

    private static final Jsonb JSONB = JsonbBuilder.create();

    /**
     * {@code parsedPayload} is the payload as read with the envelope ({@link #fromJson}), so that
     * the consumers of a message parse it once between them; null when the envelope was built from
     * text. It is the payload in another form, so equality ignores it.
     */
    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    public EventEnvelope(UUID eventId, String type, int version, Instant occurredAt, String payload) {
        this(eventId, type, version, occurredAt, payload, null);
    }

    /** The payload as JSON: parsed with the envelope when it was read from a message, otherwise now. */
    public JsonObject payloadObject() {
        return parsedPayload != null ? parsedPayload : Jsonp.parseObject(payload);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventEnvelope e && eventId.equals(e.eventId) && type.equals(e.type) && version == e.version
                && occurredAt.equals(e.occurredAt) && payload.equals(e.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, type, version, occurredAt, payload);
    }

    @Override
    public String toString() {
        return "EventEnvelope[eventId=" + eventId + ", type=" + type + ", version=" + version + ", occurredAt=" + occurredAt
                + ", payload=" + payload + "]";
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
            JsonObject payload = o.getJsonObject("payload");
            return new EventEnvelope(
                    UUID.fromString(o.getString("eventId")),
                    o.getString("type"),
                    o.getInt("version", 1),
                    Instant.parse(o.getString("occurredAt")),
                    payload.toString(),
                    payload);
        } catch (RuntimeException e) {
            throw new MalformedEventException("not an event envelope: " + e.getMessage(), e);
        }
    }
}
