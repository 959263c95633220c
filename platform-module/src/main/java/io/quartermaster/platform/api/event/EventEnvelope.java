package io.quartermaster.platform.api.event;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
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

    public String toJson() {
        JsonObject payloadObject;
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            payloadObject = reader.readObject();
        }
        return Json.createObjectBuilder()
                .add("eventId", eventId.toString())
                .add("type", type)
                .add("version", version)
                .add("occurredAt", occurredAt.toString())
                .add("payload", payloadObject)
                .build()
                .toString();
    }

    /**
     * Parses a message body. Anything that is not a well-formed envelope is rejected with
     * {@link MalformedEventException}, which sends the message towards the dead-letter address.
     */
    public static EventEnvelope fromJson(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
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
