package com.pltfrms.iam.organisation;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.SQLException;
import org.postgresql.util.PGobject;

/**
 * Stores a JSON document held as a string in a {@code JSONB} column: bound as a typed PostgreSQL
 * object, since the driver would otherwise send it as {@code varchar}, which PostgreSQL does not
 * cast to {@code jsonb} by itself.
 */
@Converter
public class JsonbConverter implements AttributeConverter<String, Object> {

  @Override
  public Object convertToDatabaseColumn(String json) {
    PGobject value = new PGobject();
    value.setType("jsonb");
    try {
      value.setValue(json == null ? "{}" : json);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return value;
  }

  @Override
  public String convertToEntityAttribute(Object stored) {
    if (stored == null) {
      return null;
    }
    return stored instanceof PGobject pg ? pg.getValue() : stored.toString();
  }
}
