package com.pltfrms.iam.identity;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The stored form of a user's custom attributes: one JSON object of string arrays. */
final class AttributesJson {

  private AttributesJson() {}

  static String write(Map<String, List<String>> attributes) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    new TreeMap<>(attributes)
        .forEach(
            (name, values) -> {
              JsonArrayBuilder array = Json.createArrayBuilder();
              values.forEach(array::add);
              json.add(name, array);
            });
    return json.build().toString();
  }

  static Map<String, List<String>> read(String stored) {
    if (stored == null || stored.isEmpty()) {
      return Map.of();
    }
    try (JsonReader reader = Json.createReader(new StringReader(stored))) {
      JsonObject object = reader.readObject();
      Map<String, List<String>> attributes = new TreeMap<>();
      object.forEach(
          (name, value) ->
              attributes.put(
                  name,
                  value.getValueType() == JsonValue.ValueType.ARRAY
                      ? value.asJsonArray().stream()
                          .filter(JsonString.class::isInstance)
                          .map(v -> ((JsonString) v).getString())
                          .toList()
                      : List.of()));
      return attributes;
    }
  }

  /** The containment document {@code {"name":["value"]}} for the attribute filter. */
  static String containing(String name, String value) {
    return Json.createObjectBuilder()
        .add(name, Json.createArrayBuilder().add(value))
        .build()
        .toString();
  }
}
