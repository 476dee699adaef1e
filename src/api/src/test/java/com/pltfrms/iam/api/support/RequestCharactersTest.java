package com.pltfrms.iam.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestCharactersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/admin/realms/acme",
        "/realms/acme/oauth2/token",
        "/admin/realms/caf%C3%A9",
        "/admin/realms/%F0%9F%98%80",
        "/admin/realms/a%20b",
        "/"
      })
  void checkTargetWhenWellFormedPathThenAccepted(String path) {
    assertEquals(Optional.empty(), RequestCharacters.checkTarget("path", path));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "type=realm.created&limit=5",
        "type=a+b",
        "from=2026-01-01T00%3A00%3A00Z",
        "x=%C3%A9",
        "flag",
        "a=&b="
      })
  void checkTargetWhenWellFormedQueryThenAccepted(String query) {
    assertEquals(Optional.empty(), RequestCharacters.checkTarget("query", query));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"%00", "a%00b", "%01", "%09", "%0A", "%0d", "%1F", "%7F", "%C2%80", "%C2%9F"})
  void checkTargetWhenEncodedControlCharacterThenRefused(String encoded) {
    assertTrue(RequestCharacters.checkTarget("query", "type=" + encoded).isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"%C0%80", "%C0%AF", "%E0%80%AF", "%F0%80%80%80", "%C1%BF"})
  void checkTargetWhenOverlongUtf8ThenRefused(String encoded) {
    assertTrue(RequestCharacters.checkTarget("path", "/admin/realms/" + encoded).isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"%ED%A0%80", "%ED%BF%BF", "%ED%A0%BD%ED%B8%80"})
  void checkTargetWhenEncodedSurrogateThenRefused(String encoded) {
    assertTrue(RequestCharacters.checkTarget("path", "/admin/realms/" + encoded).isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"%FF", "%FE", "%80", "%C3", "%C3%28", "%F8%88%80%80%80", "%F4%90%80%80"})
  void checkTargetWhenInvalidUtf8ThenRefused(String encoded) {
    assertTrue(RequestCharacters.checkTarget("query", "x=" + encoded).isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"%", "%4", "%zz", "%%41", "a%g0"})
  void checkTargetWhenMalformedPercentEncodingThenRefused(String encoded) {
    assertTrue(RequestCharacters.checkTarget("query", "x=" + encoded).isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "a\tb", "a b", "caf\u00e9", "a\u007fb", "a\u0085b"})
  void checkTargetWhenRawCharacterOutsidePrintableAsciiThenRefused(String raw) {
    assertTrue(RequestCharacters.checkTarget("path", "/admin/realms/" + raw).isPresent());
  }

  @Test
  void checkTargetWhenAbsentThenAccepted() {
    assertEquals(Optional.empty(), RequestCharacters.checkTarget("query", null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig",
        "application/x-www-form-urlencoded; charset=UTF-8",
        "a\tb",
        "",
        "J\u00f6rg",
        "\u00e2\u0082\u00ac"
      })
  void checkHeaderWhenFieldValueOrObsTextThenAccepted(String value) {
    assertEquals(Optional.empty(), RequestCharacters.checkHeader("X-Test", value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "\u0001", "a\nb", "a\rb", "\u001b[31m", "a\u007fb"})
  void checkHeaderWhenControlCharacterThenRefused(String value) {
    assertTrue(RequestCharacters.checkHeader("X-Test", value).isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"X Test", "X-\u0001", "X:Test", "X(Test)", "Caf\u00e9"})
  void checkHeaderWhenNameNotATokenThenRefused(String name) {
    assertTrue(RequestCharacters.checkHeader(name, "v").isPresent());
  }
}
