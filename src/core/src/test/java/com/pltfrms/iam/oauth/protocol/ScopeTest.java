package com.pltfrms.iam.oauth.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeTest {

  @Test
  void parseWhenValidThenTokensInOrder() {
    assertEquals(
        List.of("openid", "read:x", "a!#[]~"),
        List.copyOf(Scope.parse("openid read:x a!#[]~").tokens()));
  }

  @Test
  void parseWhenTokenRepeatedThenKeptOnce() {
    assertEquals("write read", Scope.parse("write read write").value());
  }

  @Test
  void parseWhenSameTokensInOtherOrderThenEqual() {
    assertEquals(Scope.parse("read write"), Scope.parse("write read"));
  }

  @Test
  void parseWhenDoubleSpaceThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> Scope.parse("a  b"));
  }

  @Test
  void parseWhenLeadingSpaceThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> Scope.parse(" a"));
  }

  @Test
  void parseWhenTrailingSpaceThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> Scope.parse("a "));
  }

  @Test
  void parseWhenOnlySpaceThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> Scope.parse(" "));
  }

  @Test
  void parseWhenTabSeparatedThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> Scope.parse("a\tb"));
  }

  @Test
  void parseWhenDoubleQuoteThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> Scope.parse("a\"b"));
  }

  @Test
  void parseWhenBackslashThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> Scope.parse("a\\b"));
  }

  @Test
  void parseWhenNonAsciiThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> Scope.parse("é"));
  }

  @Test
  void parseWhenControlCharacterThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> Scope.parse("a\u007f"));
  }

  @Test
  void parseWhenTokenAtMaxLengthThenAccepted() {
    String token = "s".repeat(Scope.MAX_TOKEN_LENGTH);
    assertEquals(token, Scope.parse(token).value());
  }

  @Test
  void parseWhenTokenOverMaxLengthThenRefused() {
    String token = "s".repeat(Scope.MAX_TOKEN_LENGTH + 1);
    assertThrows(IllegalArgumentException.class, () -> Scope.parse(token));
  }

  @Test
  void parseWhenEmptyThenEmpty() {
    assertTrue(Scope.parse("").isEmpty());
  }

  @Test
  void parseWhenNullThenEmpty() {
    assertEquals(Scope.EMPTY, Scope.parse(null));
  }

  @Test
  void ofWhenTokenInvalidThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> Scope.of(List.of("ok", "not ok")));
  }

  @Test
  void constructorWhenTokenNullThenRefused() {
    Set<String> tokens = new java.util.HashSet<>();
    tokens.add(null);
    assertThrows(IllegalArgumentException.class, () -> new Scope(tokens));
  }

  @Test
  void tokensWhenModifiedThenUnsupported() {
    Scope scope = Scope.parse("read");
    assertThrows(UnsupportedOperationException.class, () -> scope.tokens().add("admin"));
  }

  @Test
  void isSubsetOfWhenContainedThenTrue() {
    assertTrue(Scope.parse("read").isSubsetOf(Scope.parse("read write")));
  }

  @Test
  void isSubsetOfWhenEqualThenTrue() {
    assertTrue(Scope.parse("write read").isSubsetOf(Scope.parse("read write")));
  }

  @Test
  void isSubsetOfWhenEmptyThenTrue() {
    assertTrue(Scope.EMPTY.isSubsetOf(Scope.parse("read write")));
  }

  @Test
  void isSubsetOfWhenOneTokenOutsideThenFalse() {
    assertFalse(Scope.parse("read admin").isSubsetOf(Scope.parse("read write")));
  }

  @Test
  void isSubsetOfWhenOtherEmptyThenFalse() {
    assertFalse(Scope.parse("read").isSubsetOf(Scope.EMPTY));
  }

  @Test
  void isValidTokenWhenNullThenFalse() {
    assertFalse(Scope.isValidToken(null));
  }

  @Test
  void valueWhenEmptyThenEmptyString() {
    assertEquals("", Scope.EMPTY.value());
  }
}
