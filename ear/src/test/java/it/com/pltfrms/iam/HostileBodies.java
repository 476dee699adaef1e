package it.com.pltfrms.iam;

import it.com.pltfrms.iam.Endpoints.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Hostile request bodies: JSON documents for the admin API and forms for the token endpoint, each
 * wrong in one way the server must catch before it writes anything. A mutation is a recipe (a
 * record, so that jqwik reports it readably) applied to each endpoint's own fields.
 */
final class HostileBodies {

  private HostileBodies() {}

  /** A body and the statuses that may answer it. */
  record Body(byte[] bytes, List<Integer> statuses) {}

  // ---- JSON -----------------------------------------------------------------------------------

  enum JsonKind {
    UNSAFE_IN_STRING,
    UNSAFE_IN_KEY,
    WRONG_TYPE,
    UNKNOWN_FIELD,
    NOT_UTF8,
    RAW_CONTROL_IN_STRING,
    TRUNCATED,
    NOT_AN_OBJECT,
    NESTED_TOO_DEEP,
    DUPLICATED_KEY,
    OVERSIZED
  }

  /** One way to spoil a JSON document, with the random choices it needs. */
  record JsonMutation(JsonKind kind, int field, String unsafe, int choice, int cut) {

    Body apply(Map<String, Type> fields, boolean update) {
      List<String> names = new ArrayList<>(fields.keySet());
      String target = names.get(Math.floorMod(field, names.size()));
      Type type = fields.get(target);
      Map<String, String> members = filler(fields, update);
      return switch (kind) {
        case UNSAFE_IN_STRING -> {
          String value = Hostile.jsonString(unsafe);
          members.put(
              target,
              switch (type) {
                case STRINGS -> "[\"read\"," + value + "]";
                case OBJECT -> "{\"k\":[" + value + "]}";
                default -> value;
              });
          yield bad(object(members));
        }
        case UNSAFE_IN_KEY -> {
          members.put(unsafe, "\"x\"");
          yield bad(object(members));
        }
        case WRONG_TYPE -> {
          List<String> wrong = WRONG.get(type);
          members.put(target, wrong.get(Math.floorMod(choice, wrong.size())));
          yield bad(object(members));
        }
        case UNKNOWN_FIELD -> {
          members.put("unknown" + Math.floorMod(choice, 1000), "\"x\"");
          yield bad(object(members));
        }
        case NOT_UTF8 -> {
          byte[] invalid = NOT_UTF8.get(Math.floorMod(choice, NOT_UTF8.size()));
          yield bad(
              Hostile.concat(
                  ("{\"" + target + "\":\"a").getBytes(StandardCharsets.UTF_8),
                  invalid,
                  "b\"}".getBytes(StandardCharsets.UTF_8)));
        }
        case RAW_CONTROL_IN_STRING ->
            bad(
                Hostile.concat(
                    ("{\"" + target + "\":\"a").getBytes(StandardCharsets.UTF_8),
                    new byte[] {(byte) Math.floorMod(choice, 0x20)},
                    "b\"}".getBytes(StandardCharsets.UTF_8)));
        case TRUNCATED -> {
          byte[] whole = object(members).getBytes(StandardCharsets.UTF_8);
          byte[] prefix = new byte[Math.floorMod(cut, whole.length)];
          System.arraycopy(whole, 0, prefix, 0, prefix.length);
          yield new Body(prefix, List.of(400));
        }
        case NOT_AN_OBJECT -> bad(NOT_OBJECTS.get(Math.floorMod(choice, NOT_OBJECTS.size())));
        case NESTED_TOO_DEEP ->
            bad(
                Math.floorMod(choice, 2) == 0
                    ? "[".repeat(3000) + "]".repeat(3000)
                    : "{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
        case DUPLICATED_KEY ->
            bad(
                "{\""
                    + target
                    + "\":"
                    + FILLER.get(type)
                    + ",\""
                    + target
                    + "\":"
                    + FILLER.get(type)
                    + "}");
        case OVERSIZED -> {
          members.put(target, "\"" + "a".repeat(70 * 1024) + "\"");
          yield new Body(object(members).getBytes(StandardCharsets.UTF_8), List.of(413));
        }
      };
    }
  }

  static Arbitrary<JsonMutation> json() {
    return Combinators.combine(
            Arbitraries.of(JsonKind.class),
            Arbitraries.integers().between(0, 50),
            Hostile.unsafeText(),
            Arbitraries.integers().between(0, 1000),
            Arbitraries.integers().between(0, 10_000))
        .as(JsonMutation::new);
  }

  /** Valid values, so that the document gets past required fields to the spoiled one. */
  private static Map<String, String> filler(Map<String, Type> fields, boolean update) {
    Map<String, String> members = new LinkedHashMap<>();
    fields.forEach(
        (name, type) -> {
          boolean identity = name.equals("name") || name.equals("clientId");
          if (!(update && identity)) {
            members.put(name, identity ? "\"fuzz-never-created\"" : valid(name, type));
          }
        });
    return members;
  }

  private static String valid(String name, Type type) {
    return name.equals("type") ? "\"service\"" : FILLER.get(type);
  }

  private static final Map<Type, String> FILLER =
      Map.of(
          Type.STRING, "\"Fuzz\"",
          Type.BOOLEAN, "true",
          Type.INTEGER, "300",
          Type.STRINGS, "[\"read\"]",
          Type.OBJECT, "{}");

  private static final Map<Type, List<String>> WRONG =
      Map.of(
          Type.STRING, List.of("1", "true", "[]", "{}", "[\"a\"]", "-0.5"),
          Type.BOOLEAN, List.of("\"true\"", "1", "0", "[]", "{}", "\"\""),
          Type.INTEGER,
              List.of("\"300\"", "true", "1.5", "[]", "{}", "1e400", "-1e400", "99999999999"),
          Type.STRINGS, List.of("\"read\"", "1", "{}", "[1]", "[true]", "[null]", "[[\"a\"]]"),
          Type.OBJECT, List.of("\"{}\"", "1", "true", "[]", "[{}]"));

  private static final List<byte[]> NOT_UTF8 =
      List.of(
          new byte[] {(byte) 0xC0, (byte) 0x80},
          new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          new byte[] {(byte) 0xFF},
          new byte[] {(byte) 0x80},
          new byte[] {(byte) 0xC3, 0x28},
          new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});

  private static final List<String> NOT_OBJECTS =
      List.of("", " ", "[]", "[{}]", "\"x\"", "1", "true", "null", "{", "}", "{\"a\"}", "{,}");

  private static String object(Map<String, String> members) {
    return members.entrySet().stream()
        .map(m -> Hostile.jsonString(m.getKey()) + ":" + m.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  private static Body bad(String json) {
    return bad(json.getBytes(StandardCharsets.UTF_8));
  }

  private static Body bad(byte[] bytes) {
    return new Body(bytes, List.of(400));
  }

  // ---- forms ----------------------------------------------------------------------------------

  enum FormKind {
    HOSTILE_VALUE,
    HOSTILE_NAME,
    RAW_BYTE,
    DUPLICATED,
    NAMELESS,
    TOO_MANY,
    OVERSIZED
  }

  /** One way to spoil a token request form. */
  record FormMutation(FormKind kind, String encoded, int parameter, int rawByte) {

    private static final List<String> PARAMETERS =
        List.of("grant_type", "client_id", "client_secret", "scope", "resource");

    Body apply() {
      String base = "grant_type=client_credentials&scope=read";
      return switch (kind) {
        case HOSTILE_VALUE -> {
          String name = PARAMETERS.get(Math.floorMod(parameter, PARAMETERS.size()));
          String form =
              name.equals("grant_type")
                  ? "scope=read&grant_type=" + encoded
                  : name.equals("scope")
                      ? "grant_type=client_credentials&scope=" + encoded
                      : base + "&" + name + "=" + encoded;
          yield bad(form);
        }
        case HOSTILE_NAME -> bad(base + "&" + encoded + "=x");
        case RAW_BYTE -> {
          int b = Math.floorMod(rawByte, 0x20 + 0x81);
          byte raw = (byte) (b < 0x20 ? b : 0x7F + (b - 0x20)); // C0, DEL, or a byte above 0x7F
          yield bad(
              Hostile.concat(
                  "grant_type=client".getBytes(StandardCharsets.US_ASCII),
                  new byte[] {raw},
                  "credentials&scope=read".getBytes(StandardCharsets.US_ASCII)));
        }
        case DUPLICATED -> bad(base + "&grant_type=client_credentials");
        case NAMELESS -> bad(base + "&=" + encoded);
        case TOO_MANY -> {
          StringBuilder form = new StringBuilder(base);
          for (int i = 0; i < 70; i++) {
            form.append("&p").append(i).append("=v");
          }
          yield bad(form.toString());
        }
        case OVERSIZED ->
            new Body(
                (base + "&p=" + "a".repeat(17 * 1024)).getBytes(StandardCharsets.US_ASCII),
                List.of(413));
      };
    }
  }

  static Arbitrary<FormMutation> form() {
    return Combinators.combine(
            Arbitraries.of(FormKind.class),
            Hostile.encodedForUri(),
            Arbitraries.integers().between(0, 100),
            Arbitraries.integers().between(0, 1000))
        .as(FormMutation::new);
  }
}
