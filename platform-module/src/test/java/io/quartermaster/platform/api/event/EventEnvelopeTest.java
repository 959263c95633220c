package io.quartermaster.platform.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    public record ThingCounted(String sku, int quantity, BigDecimal value, List<String> tags) implements DomainEvent {
    }

    @Test
    void wrapsAnEventWithItsIdTypeVersionAndTimeAndReadsItBack() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-28T10:15:30Z");
        ThingCounted event = new ThingCounted("SKU-1", 3, new BigDecimal("12.34"), List.of("a", "b"));

        EventEnvelope envelope = EventEnvelope.wrap(event, id, at);
        EventEnvelope parsed = EventEnvelope.fromJson(envelope.toJson());

        assertThat(parsed.eventId()).isEqualTo(id);
        assertThat(parsed.type()).isEqualTo("ThingCounted");
        assertThat(parsed.version()).isEqualTo(1);
        assertThat(parsed.occurredAt()).isEqualTo(at);
        assertThat(parsed.payloadAs(ThingCounted.class)).isEqualTo(event);
        assertThat(envelope.toJson()).contains("\"eventId\":\"" + id + "\"").contains("\"type\":\"ThingCounted\"");
    }

    @Test
    void anythingElseIsMalformed() {
        assertThatThrownBy(() -> EventEnvelope.fromJson("not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventEnvelope.fromJson("{\"type\":\"X\"}")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventEnvelope.fromJson(
                "{\"eventId\":\"nope\",\"type\":\"X\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":{}}"))
                .isInstanceOf(MalformedEventException.class);
    }
}
