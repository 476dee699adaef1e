package com.pltfrms.iam.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stores {@link Instant}s as {@code TIMESTAMPTZ}. JPA 3.1 maps {@code OffsetDateTime} but not
 * {@code Instant} (that comes with JPA 3.2); without this, EclipseLink would serialize it to bytes.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, OffsetDateTime> {

  @Override
  public OffsetDateTime convertToDatabaseColumn(Instant value) {
    return value == null ? null : value.atOffset(ZoneOffset.UTC);
  }

  @Override
  public Instant convertToEntityAttribute(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
