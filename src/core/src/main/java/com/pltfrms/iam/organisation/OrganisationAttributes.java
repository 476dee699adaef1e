package com.pltfrms.iam.organisation;

import com.pltfrms.iam.shared.ApplicationProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Free-form attributes of an organisation, as Keycloak keeps them: names mapped to lists of string
 * values ({@code {"tier":["gold"],"region":["eu","us"]}}), bounded so one organisation cannot grow
 * without limit: at most {@value #MAX_NAMES} names of 1 to {@value #MAX_NAME_LENGTH} characters, at
 * most {@value #MAX_VALUES} values per name, each at most {@value #MAX_VALUE_LENGTH} characters.
 * Stored as a JSONB object.
 */
public final class OrganisationAttributes {

  public static final int MAX_NAMES = 50;
  public static final int MAX_NAME_LENGTH = 255;
  public static final int MAX_VALUES = 50;
  public static final int MAX_VALUE_LENGTH = 1024;

  private OrganisationAttributes() {}

  /** A sorted, unmodifiable copy of {@code attributes}, or 400 naming what is wrong. */
  public static Map<String, List<String>> checked(Map<String, List<String>> attributes) {
    if (attributes.size() > MAX_NAMES) {
      throw invalid("attributes may hold at most " + MAX_NAMES + " names");
    }
    Map<String, List<String>> copy = new TreeMap<>();
    for (Map.Entry<String, List<String>> attribute : attributes.entrySet()) {
      String name = attribute.getKey();
      if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
        throw invalid("attribute names must be 1 to " + MAX_NAME_LENGTH + " characters, not blank");
      }
      List<String> values = attribute.getValue();
      if (values == null || values.size() > MAX_VALUES) {
        throw invalid("an attribute may hold at most " + MAX_VALUES + " values");
      }
      for (String value : values) {
        if (value == null || value.length() > MAX_VALUE_LENGTH) {
          throw invalid(
              "attribute values must be strings of at most " + MAX_VALUE_LENGTH + " characters");
        }
      }
      copy.put(name, List.copyOf(values));
    }
    return java.util.Collections.unmodifiableMap(copy);
  }

  static String toJson(Map<String, List<String>> attributes) {
    return JsonUtil.toJson(new LinkedHashMap<>(attributes));
  }

  @SuppressWarnings("unchecked")
  static Map<String, List<String>> fromJson(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      Map<String, Object> parsed = JsonUtil.parseJson(json);
      Map<String, List<String>> attributes = new TreeMap<>();
      parsed.forEach(
          (name, values) ->
              attributes.put(
                  name,
                  values instanceof List<?> list
                      ? list.stream().map(String::valueOf).toList()
                      : List.of(String.valueOf(values))));
      return java.util.Collections.unmodifiableMap(attributes);
    } catch (JoseException e) {
      throw new IllegalStateException("stored attributes are not JSON", e);
    }
  }

  private static ApplicationProblem invalid(String message) {
    return ApplicationProblem.invalid(message, "attributes");
  }
}
