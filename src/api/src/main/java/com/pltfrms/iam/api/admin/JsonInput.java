package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.api.support.BadInput;
import com.pltfrms.iam.api.support.BoundedBody;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.UnsafeText;
import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object sent to the admin API, read strictly: at most {@link #MAX_BYTES} (else 413), UTF-8,
 * one object, no duplicated keys, no key or string anywhere in it holding a control character or a
 * lone surrogate ({@link UnsafeText}: JSON can escape them, {@code "\u0000"}, and PostgreSQL cannot
 * store NUL), no unknown fields, each field of its declared type. Every violation is a 4xx problem,
 * raised before any value reaches a service, never a 500.
 */
final class JsonInput {

  static final int MAX_BYTES = 64 * 1024;

  private static final JsonReaderFactory READERS =
      Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

  private final JsonObject object;

  private JsonInput(JsonObject object) {
    this.object = object;
  }

  static JsonInput read(InputStream body, Set<String> allowedFields) {
    return read(body, allowedFields, MAX_BYTES);
  }

  /** As {@link #read(InputStream, Set)}, with a bound of its own (a realm import is larger). */
  static JsonInput read(InputStream body, Set<String> allowedFields, int maxBytes) {
    byte[] bytes;
    try {
      bytes =
          BoundedBody.read(body, maxBytes)
              .orElseThrow(
                  () ->
                      BadInput.tooLarge("request body larger than " + (maxBytes / 1024) + " KiB"));
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw BadInput.invalid("request body is not UTF-8");
    } catch (IOException e) {
      throw BadInput.invalid("request body could not be read");
    }
    if (bytes.length == 0) {
      throw ApplicationProblem.invalid("a JSON object is required");
    }
    JsonValue value;
    try (JsonReader reader =
        READERS.createReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
      value = reader.readValue();
    } catch (JsonParsingException e) {
      throw BadInput.invalid("malformed JSON");
    } catch (JsonException e) {
      throw BadInput.invalid("malformed JSON (duplicated key?)");
    } catch (RuntimeException e) {
      // Parsson's own limits (nesting depth, number size) throw plain runtime exceptions.
      throw BadInput.invalid("malformed JSON (nested too deeply or too large?)");
    }
    requireSafeText(value);
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw ApplicationProblem.invalid("a JSON object is required");
    }
    JsonObject object = value.asJsonObject();
    for (String key : object.keySet()) {
      if (!allowedFields.contains(key)) {
        throw ApplicationProblem.invalid("unknown field '" + printable(key) + "'");
      }
    }
    return new JsonInput(object);
  }

  /**
   * A nested object of a document {@link #read} already checked, read as strictly: unknown fields
   * are 400, each field of its declared type.
   */
  static JsonInput nested(JsonValue value, String name, Set<String> allowedFields) {
    if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw ApplicationProblem.invalid(name + " must be an object");
    }
    JsonObject object = value.asJsonObject();
    for (String key : object.keySet()) {
      if (!allowedFields.contains(key)) {
        throw ApplicationProblem.invalid(name + ": unknown field '" + printable(key) + "'");
      }
    }
    return new JsonInput(object);
  }

  /** Every key and string of the document, at any depth, is free of unsafe characters. */
  private static void requireSafeText(JsonValue root) {
    Deque<JsonValue> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      JsonValue value = pending.pop();
      switch (value.getValueType()) {
        case STRING -> requireSafe(((JsonString) value).getString());
        case ARRAY -> value.asJsonArray().forEach(pending::push);
        case OBJECT -> {
          for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
            requireSafe(member.getKey());
            pending.push(member.getValue());
          }
        }
        default -> {}
      }
    }
  }

  private static void requireSafe(String text) {
    if (UnsafeText.in(text)) {
      throw BadInput.invalid("a JSON string holds a control character or a lone surrogate");
    }
  }

  Optional<String> string(String field) {
    JsonValue value = present(field);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof JsonString s) {
      return Optional.of(s.getString());
    }
    throw wrongType(field, "a string");
  }

  String requiredString(String field) {
    return string(field).orElseThrow(() -> ApplicationProblem.invalid(field + " is required"));
  }

  /**
   * For fields that identify the resource and cannot change: absent, or equal to {@code current}. A
   * full representation sent back with PUT may carry them unchanged.
   */
  void requireUnchanged(String field, String current) {
    string(field)
        .filter(value -> !value.equals(current))
        .ifPresent(
            value -> {
              throw ApplicationProblem.invalid(field + " cannot change");
            });
  }

  Optional<Boolean> bool(String field) {
    JsonValue value = present(field);
    if (value == null) {
      return Optional.empty();
    }
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return Optional.of(value == JsonValue.TRUE);
    }
    throw wrongType(field, "true or false");
  }

  Optional<Integer> integer(String field) {
    JsonValue value = present(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof JsonNumber n)) {
      throw wrongType(field, "an integer");
    }
    try {
      if (!n.isIntegral()) {
        throw wrongType(field, "an integer");
      }
      return Optional.of(n.intValueExact());
    } catch (ArithmeticException | UnsupportedOperationException e) {
      // out of int range, or beyond what Parsson converts (its BigDecimal scale limit)
      throw ApplicationProblem.invalid(field + " is out of range");
    }
  }

  Optional<List<String>> strings(String field) {
    JsonValue value = present(field);
    if (value == null) {
      return Optional.empty();
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw wrongType(field, "an array of strings");
    }
    List<String> result = new ArrayList<>();
    for (JsonValue item : value.asJsonArray()) {
      if (!(item instanceof JsonString s)) {
        throw wrongType(field, "an array of strings");
      }
      result.add(s.getString());
    }
    return Optional.of(result);
  }

  /** Whether the field is there at all, null included (PATCH: null clears, absent keeps). */
  boolean has(String field) {
    return object.containsKey(field);
  }

  /**
   * An attributes object: each member an array of strings (as Keycloak's attributes are), at most
   * {@code maxNames} names; the JSON text of it, for a JSONB column.
   */
  Optional<String> attributes(String field, int maxNames) {
    JsonValue value = present(field);
    if (value == null) {
      return Optional.empty();
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw wrongType(field, "an object of arrays of strings");
    }
    JsonObject attributes = value.asJsonObject();
    if (attributes.size() > maxNames) {
      throw ApplicationProblem.invalid(field + " may hold at most " + maxNames + " names");
    }
    for (Map.Entry<String, JsonValue> member : attributes.entrySet()) {
      if (member.getKey().isEmpty() || member.getKey().length() > 255) {
        throw ApplicationProblem.invalid(field + ": a name must be 1 to 255 characters");
      }
      if (member.getValue().getValueType() != JsonValue.ValueType.ARRAY
          || !member.getValue().asJsonArray().stream().allMatch(v -> v instanceof JsonString)) {
        throw wrongType(field, "an object of arrays of strings");
      }
    }
    return Optional.of(attributes.toString());
  }

  /** For PATCH: absent leaves the field as it is; null clears it; else the string. */
  String patchString(String field, String current) {
    return has(field) ? string(field).orElse(null) : current;
  }

  Optional<JsonObject> object(String field) {
    JsonValue value = present(field);
    if (value == null) {
      return Optional.empty();
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw wrongType(field, "an object");
    }
    return Optional.of(value.asJsonObject());
  }

  /** The whole document, for resources whose body is a nested document read by core. */
  JsonObject document() {
    return object;
  }

  /** The field's value as sent, of any JSON type, for fields with a shape of their own. */
  Optional<JsonValue> value(String field) {
    return Optional.ofNullable(present(field));
  }

  private JsonValue present(String field) {
    JsonValue value = object.get(field);
    return value == null || value == JsonValue.NULL ? null : value;
  }

  private static ApplicationProblem wrongType(String field, String expected) {
    return ApplicationProblem.invalid(field + " must be " + expected);
  }

  private static String printable(String key) {
    String cut = key.length() > 40 ? key.substring(0, 40) : key;
    return cut.replaceAll("[^\\x20-\\x7E]", "?");
  }
}
