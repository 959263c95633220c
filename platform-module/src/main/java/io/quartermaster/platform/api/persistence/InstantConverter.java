package io.quartermaster.platform.api.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * EclipseLink 4.0 as bundled with Payara 6 maps {@link Instant} as a serialized blob, not as
 * a timestamp. Every module's persistence unit lists this converter so that {@code Instant}
 * attributes land in {@code timestamptz} columns.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
