package io.quartermaster.platform.api.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Like {@link InstantConverter}, for {@link UUID}: EclipseLink would serialize it. Handed to
 * the driver as a {@code UUID} object, which PostgreSQL's JDBC driver binds as {@code uuid}.
 */
@Converter(autoApply = true)
public class UuidConverter implements AttributeConverter<UUID, Object> {

    @Override
    public Object convertToDatabaseColumn(UUID uuid) {
        return uuid;
    }

    @Override
    public UUID convertToEntityAttribute(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof UUID uuid ? uuid : UUID.fromString(value.toString());
    }
}
