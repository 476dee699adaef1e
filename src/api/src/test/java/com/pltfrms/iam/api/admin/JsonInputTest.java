package com.pltfrms.iam.api.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.pltfrms.iam.api.support.BadInput;
import com.pltfrms.iam.shared.ApplicationProblem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonInputTest {

  private static final Set<String> FIELDS =
      Set.of("name", "displayName", "enabled", "accessTokenLifetimeSeconds", "allowedScopes");

  private static JsonInput read(byte[] body) {
    return JsonInput.read(new ByteArrayInputStream(body), FIELDS);
  }

  private static JsonInput read(String body) {
    return read(body.getBytes(StandardCharsets.UTF_8));
  }

  private static int statusOf(String body) {
    return statusOf(body.getBytes(StandardCharsets.UTF_8));
  }

  private static int statusOf(byte[] body) {
    RuntimeException refused = assertThrows(RuntimeException.class, () -> read(body));
    if (refused instanceof BadInput bad) {
      return bad.status();
    }
    if (refused instanceof ApplicationProblem problem
        && problem.kind() == ApplicationProblem.Kind.INVALID) {
      return 400;
    }
    throw new AssertionError("not a 4xx refusal", refused);
  }

  @Test
  void readWhenWellFormedThenFieldsOfTheirTypes() {
    JsonInput json =
        read(
            "{\"displayName\":\"Acme \u00e9 \ud83d\ude00\",\"enabled\":false,"
                + "\"accessTokenLifetimeSeconds\":600,\"allowedScopes\":[\"a\",\"b\"]}");
    assertEquals(Optional.of("Acme \u00e9 \ud83d\ude00"), json.string("displayName"));
    assertEquals(Optional.of(false), json.bool("enabled"));
    assertEquals(Optional.of(600), json.integer("accessTokenLifetimeSeconds"));
    assertEquals(Optional.of(List.of("a", "b")), json.strings("allowedScopes"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\\u0000",
        "a\\u0000b",
        "\\u0001",
        "\\t",
        "\\n",
        "\\r",
        "\\u001f",
        "\\u007f",
        "\\u0085",
        "\\u009f",
        "\\ud800",
        "\\udc00x",
        "x\\ud83d"
      })
  void readWhenStringHoldsEscapedUnsafeCharacterThen400(String escaped) {
    assertEquals(400, statusOf("{\"displayName\":\"" + escaped + "\"}"));
  }

  @Test
  void readWhenArrayItemHoldsUnsafeCharacterThen400() {
    assertEquals(400, statusOf("{\"allowedScopes\":[\"read\",\"wr\\u0000ite\"]}"));
  }

  @Test
  void readWhenKeyHoldsUnsafeCharacterThen400() {
    assertEquals(400, statusOf("{\"display\\u0000Name\":\"x\"}"));
  }

  @Test
  void readWhenUnsafeCharacterNestedDeepThen400() {
    assertEquals(400, statusOf("{\"enabled\":[{\"a\":[\"\\u0007\"]}]}"));
  }

  @Test
  void readWhenRawControlCharacterInStringThen400() {
    assertEquals(400, statusOf("{\"displayName\":\"a\u0001b\"}"));
  }

  @Test
  void readWhenBodyOverLimitThen413() {
    String big = "{\"displayName\":\"" + "a".repeat(JsonInput.MAX_BYTES) + "\"}";
    assertEquals(413, statusOf(big));
  }

  @Test
  void readWhenNestedTooDeeplyThen400() {
    assertEquals(400, statusOf("[".repeat(5000) + "]".repeat(5000)));
  }

  @Test
  void readWhenNotUtf8Then400() {
    assertEquals(
        400,
        statusOf(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'}));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[]", "\"x\"", "12", "null", "{", "{\"name\":}", "{\"a\":1,\"a\":2}"})
  void readWhenNotOneWellFormedObjectThen400(String body) {
    assertEquals(400, statusOf(body));
  }

  @Test
  void readWhenUnknownFieldThen400() {
    assertEquals(400, statusOf("{\"colour\":\"red\"}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e99999999", "1e-99999999", "1.5", "2147483648", "\"600\"", "true"})
  void integerWhenNotAnIntThenInvalid(String number) {
    JsonInput json = read("{\"accessTokenLifetimeSeconds\":" + number + "}");
    assertThrows(ApplicationProblem.class, () -> json.integer("accessTokenLifetimeSeconds"));
  }
}
