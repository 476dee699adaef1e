package com.pltfrms.iam.identity;

import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A realm's declarative user profile: the custom attributes its users may have, whether attributes
 * it does not declare ("unmanaged") are refused (the default) or allowed, and the attributes it
 * declared once and no longer does ("retired"): their stored values stay, unreadable through the
 * API, until an admin purges them. Stored as one JSON document per realm, the same the admin API
 * reads and writes, so adding an attribute needs no migration.
 */
public record UserProfile(
    List<AttributeDefinition> attributes, boolean unmanagedAllowed, Set<String> retired) {

  public static final int MAX_ATTRIBUTES = 200;

  /** Names the standard fields use; an attribute cannot take one. */
  static final Set<String> RESERVED =
      Set.of(
          "id",
          "username",
          "email",
          "emailVerified",
          "firstName",
          "lastName",
          "middleName",
          "nickname",
          "locale",
          "zoneinfo",
          "phoneNumber",
          "phoneNumberVerified",
          "address",
          "picture",
          "website",
          "birthdate",
          "enabled",
          "externalId",
          "attributes",
          "password",
          "createdAt",
          "updatedAt");

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]{0,63}");
  private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,128}");
  private static final Set<String> FIELDS =
      Set.of("attributes", "unmanagedAttributes", "retiredAttributes");
  private static final Set<String> ATTRIBUTE_FIELDS =
      Set.of(
          "name",
          "type",
          "values",
          "required",
          "multiValued",
          "maxLength",
          "pattern",
          "edit",
          "scope");

  public static final UserProfile DEFAULT = new UserProfile(List.of(), false, Set.of());

  public UserProfile {
    attributes = List.copyOf(attributes);
    retired = Set.copyOf(new TreeSet<>(retired));
  }

  /** The declaration of {@code name}, or null. */
  public AttributeDefinition attribute(String name) {
    return attributes.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
  }

  /** This profile replaced by {@code next}: what this one declared and next does not is retired. */
  UserProfile replacedBy(UserProfile next) {
    Set<String> declared = new TreeSet<>();
    next.attributes.forEach(a -> declared.add(a.name()));
    Set<String> nowRetired = new TreeSet<>(retired);
    attributes.forEach(a -> nowRetired.add(a.name()));
    nowRetired.removeAll(declared);
    return new UserProfile(next.attributes, next.unmanagedAllowed, nowRetired);
  }

  UserProfile purged(String name) {
    Set<String> left = new TreeSet<>(retired);
    left.remove(name);
    return new UserProfile(attributes, unmanagedAllowed, left);
  }

  /** The attributes clients may read: declared ones, and unmanaged ones where allowed. */
  Map<String, List<String>> visible(Map<String, List<String>> stored) {
    Map<String, List<String>> visible = new LinkedHashMap<>();
    stored.forEach(
        (name, values) -> {
          if (attribute(name) != null || (unmanagedAllowed && !retired.contains(name))) {
            visible.put(name, values);
          }
        });
    return visible;
  }

  /** The stored attributes clients cannot see, which a write of the visible ones keeps. */
  Map<String, List<String>> hidden(Map<String, List<String>> stored) {
    Map<String, List<String>> hidden = new LinkedHashMap<>(stored);
    visible(stored).keySet().forEach(hidden::remove);
    return hidden;
  }

  /** Every problem of {@code given} (the visible attributes a write sends) against this profile. */
  List<ApplicationProblem.Error> problems(Map<String, List<String>> given) {
    List<ApplicationProblem.Error> problems = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : given.entrySet()) {
      String name = entry.getKey();
      if (attribute(name) == null) {
        if (!unmanagedAllowed || retired.contains(name)) {
          problems.add(
              new ApplicationProblem.Error(
                  "#/attributes/" + pointerSafe(name),
                  "undeclared",
                  "attribute '" + printable(name) + "' is not declared in the user profile"));
        } else if (!NAME.matcher(name).matches() || entry.getValue().size() > 100) {
          problems.add(
              new ApplicationProblem.Error(
                  "#/attributes/" + pointerSafe(name),
                  null,
                  "unmanaged attribute names are 1 to 64 letters, digits, '_', '.' or '-'"));
        } else if (entry.getValue().stream().anyMatch(v -> v.length() > 2048)) {
          problems.add(
              new ApplicationProblem.Error(
                  "#/attributes/" + name, null, name + " values must be at most 2048 characters"));
        }
      }
    }
    for (AttributeDefinition definition : attributes) {
      String problem = definition.problem(given.get(definition.name()));
      if (problem != null) {
        problems.add(definition.error(problem));
      }
    }
    return problems;
  }

  // ---- the JSON document ----------------------------------------------------------------------

  public String toJson() {
    return toJsonObject().toString();
  }

  public JsonObject toJsonObject() {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (AttributeDefinition a : attributes) {
      JsonObjectBuilder json =
          Json.createObjectBuilder()
              .add("name", a.name())
              .add("type", a.type().value())
              .add("required", a.required())
              .add("multiValued", a.multiValued())
              .add("maxLength", a.maxLength())
              .add("edit", a.edit().value());
      if (a.type() == AttributeDefinition.Type.ENUM) {
        JsonArrayBuilder values = Json.createArrayBuilder();
        a.values().forEach(values::add);
        json.add("values", values);
      }
      if (a.pattern() != null) {
        json.add("pattern", a.pattern());
      }
      if (a.scope() != null) {
        json.add("scope", a.scope());
      }
      list.add(json);
    }
    JsonArrayBuilder retiredNames = Json.createArrayBuilder();
    retired.stream().sorted().forEach(retiredNames::add);
    return Json.createObjectBuilder()
        .add("unmanagedAttributes", unmanagedAllowed ? "allowed" : "refused")
        .add("attributes", list)
        .add("retiredAttributes", retiredNames)
        .build();
  }

  static UserProfile fromStored(String document) {
    try (JsonReader reader = Json.createReader(new StringReader(document))) {
      return parse(reader.readObject());
    }
  }

  /**
   * The profile a JSON document declares, checked strictly (unknown members, wrong types, bad
   * names, patterns that do not compile, duplicates: 400 naming each). {@code retiredAttributes}
   * may be sent back as GET gave it; the server keeps its own.
   */
  public static UserProfile parse(JsonObject document) {
    List<ApplicationProblem.Error> problems = new ArrayList<>();
    for (String key : document.keySet()) {
      if (!FIELDS.contains(key)) {
        problems.add(error("#/" + pointerSafe(key), "unknown field '" + printable(key) + "'"));
      }
    }
    boolean unmanagedAllowed = false;
    JsonValue unmanaged = document.get("unmanagedAttributes");
    if (unmanaged != null && unmanaged != JsonValue.NULL) {
      String policy = unmanaged instanceof JsonString s ? s.getString() : "";
      if (!policy.equals("allowed") && !policy.equals("refused")) {
        problems.add(
            error("#/unmanagedAttributes", "unmanagedAttributes must be refused or allowed"));
      }
      unmanagedAllowed = policy.equals("allowed");
    }
    Set<String> retired = new TreeSet<>();
    JsonValue retiredValue = document.get("retiredAttributes");
    if (retiredValue instanceof jakarta.json.JsonArray array) {
      array.forEach(
          v -> {
            if (v instanceof JsonString s) {
              retired.add(s.getString());
            }
          });
    }
    List<AttributeDefinition> attributes = new ArrayList<>();
    JsonValue list = document.get("attributes");
    if (list != null && list != JsonValue.NULL) {
      if (list.getValueType() != JsonValue.ValueType.ARRAY) {
        problems.add(error("#/attributes", "attributes must be an array of objects"));
      } else if (list.asJsonArray().size() > MAX_ATTRIBUTES) {
        problems.add(error("#/attributes", "at most " + MAX_ATTRIBUTES + " attributes"));
      } else {
        Set<String> names = new LinkedHashSet<>();
        int i = 0;
        for (JsonValue item : list.asJsonArray()) {
          String at = "#/attributes/" + i++;
          if (item.getValueType() != JsonValue.ValueType.OBJECT) {
            problems.add(error(at, "each attribute must be an object"));
            continue;
          }
          AttributeDefinition definition = attribute(item.asJsonObject(), at, problems);
          if (definition != null && !names.add(definition.name())) {
            problems.add(
                error(at + "/name", "attribute '" + definition.name() + "' is declared twice"));
          } else if (definition != null) {
            attributes.add(definition);
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw ApplicationProblem.invalid("the user profile is invalid", problems);
    }
    return new UserProfile(attributes, unmanagedAllowed, retired);
  }

  private static AttributeDefinition attribute(
      JsonObject json, String at, List<ApplicationProblem.Error> problems) {
    int before = problems.size();
    for (String key : json.keySet()) {
      if (!ATTRIBUTE_FIELDS.contains(key)) {
        problems.add(error(at + "/" + pointerSafe(key), "unknown field '" + printable(key) + "'"));
      }
    }
    String name = string(json, "name", at, problems);
    if (name == null) {
      problems.add(error(at + "/name", "name is required"));
    } else if (!NAME.matcher(name).matches()) {
      problems.add(
          error(
              at + "/name",
              "name must be 1 to 64 letters, digits, '_', '.' or '-', from a letter"));
    } else if (RESERVED.contains(name)) {
      problems.add(error(at + "/name", "'" + name + "' is a standard field, not an attribute"));
    }
    String typeName = string(json, "type", at, problems);
    AttributeDefinition.Type type = AttributeDefinition.Type.STRING;
    if (typeName != null) {
      try {
        type = AttributeDefinition.Type.valueOf(typeName.toUpperCase(Locale.ROOT));
        if (!type.value().equals(typeName)) {
          throw new IllegalArgumentException();
        }
      } catch (IllegalArgumentException e) {
        problems.add(error(at + "/type", "type must be string, boolean, integer, date or enum"));
      }
    }
    List<String> values = new ArrayList<>();
    JsonValue valuesJson = json.get("values");
    if (valuesJson != null && valuesJson != JsonValue.NULL) {
      if (valuesJson.getValueType() != JsonValue.ValueType.ARRAY
          || valuesJson.asJsonArray().stream().anyMatch(v -> !(v instanceof JsonString))) {
        problems.add(error(at + "/values", "values must be an array of strings"));
      } else {
        valuesJson.asJsonArray().forEach(v -> values.add(((JsonString) v).getString()));
      }
    }
    if (type == AttributeDefinition.Type.ENUM
        && (values.isEmpty() || values.size() > AttributeDefinition.MAX_VALUES)) {
      problems.add(error(at + "/values", "an enum needs 1 to 100 values"));
    }
    if (type != AttributeDefinition.Type.ENUM && !values.isEmpty()) {
      problems.add(error(at + "/values", "values are for enum attributes only"));
    }
    boolean required = bool(json, "required", at, problems);
    boolean multiValued = bool(json, "multiValued", at, problems);
    int maxLength = AttributeDefinition.DEFAULT_MAX_LENGTH;
    JsonValue max = json.get("maxLength");
    if (max != null && max != JsonValue.NULL) {
      if (!(max instanceof JsonNumber n)
          || !n.isIntegral()
          || n.bigDecimalValue().compareTo(java.math.BigDecimal.ONE) < 0
          || n.bigDecimalValue()
                  .compareTo(java.math.BigDecimal.valueOf(AttributeDefinition.MAX_MAX_LENGTH))
              > 0) {
        problems.add(
            error(
                at + "/maxLength",
                "maxLength must be an integer from 1 to " + AttributeDefinition.MAX_MAX_LENGTH));
      } else {
        maxLength = n.intValue();
      }
    }
    String pattern = string(json, "pattern", at, problems);
    if (pattern != null) {
      if (pattern.length() > 512) {
        problems.add(error(at + "/pattern", "pattern must be at most 512 characters"));
      } else {
        try {
          Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
          problems.add(error(at + "/pattern", "pattern is not a regular expression"));
        }
      }
    }
    String editName = string(json, "edit", at, problems);
    AttributeDefinition.Editor edit = AttributeDefinition.Editor.ADMIN;
    if (editName != null) {
      if (editName.equals("admin") || editName.equals("user")) {
        edit = AttributeDefinition.Editor.valueOf(editName.toUpperCase(Locale.ROOT));
      } else {
        problems.add(error(at + "/edit", "edit must be admin or user"));
      }
    }
    String scope = string(json, "scope", at, problems);
    if (scope != null && !SCOPE.matcher(scope).matches()) {
      problems.add(error(at + "/scope", "scope must be one OAuth scope token (RFC 6749 §3.3)"));
    }
    if (problems.size() > before) {
      return null;
    }
    return new AttributeDefinition(
        name, type, values, required, multiValued, maxLength, pattern, edit, scope);
  }

  private static String string(
      JsonObject json, String field, String at, List<ApplicationProblem.Error> problems) {
    JsonValue value = json.get(field);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    problems.add(error(at + "/" + field, field + " must be a string"));
    return null;
  }

  private static boolean bool(
      JsonObject json, String field, String at, List<ApplicationProblem.Error> problems) {
    JsonValue value = json.get(field);
    if (value == null || value == JsonValue.NULL) {
      return false;
    }
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value == JsonValue.TRUE;
    }
    problems.add(error(at + "/" + field, field + " must be true or false"));
    return false;
  }

  private static ApplicationProblem.Error error(String pointer, String detail) {
    return new ApplicationProblem.Error(pointer, null, detail);
  }

  /** A name made safe to echo: at most 64 characters, printable ASCII. */
  static String printable(String name) {
    String cut = name.length() > 64 ? name.substring(0, 64) : name;
    return cut.replaceAll("[^\\x20-\\x7E]", "?");
  }

  private static String pointerSafe(String name) {
    return printable(name).replace("~", "~0").replace("/", "~1");
  }
}
