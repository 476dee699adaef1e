package com.pltfrms.iam.oauth.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeTest {

  @Test
  void parseWhenValidThenKeepsOrderAndDropsDuplicates() {
    Scope scope = Scope.parse("write read write");
    assertEquals("write read", scope.value());
  }

  @Test
  void parseWhenMalformedThenRefused() {
    for (String bad : List.of("a  b", " a", "a ", "a\"b", "a\\b", "é")) {
      assertThrows(IllegalArgumentException.class, () -> Scope.parse(bad), bad);
    }
  }

  @Test
  void isSubsetOfWhenContainedThenTrueElseFalse() {
    Scope allowed = Scope.parse("read write");
    assertTrue(Scope.parse("read").isSubsetOf(allowed));
    assertTrue(Scope.EMPTY.isSubsetOf(allowed));
    assertFalse(Scope.parse("read admin").isSubsetOf(allowed));
  }

  @Test
  void parseWhenEmptyThenEmpty() {
    assertTrue(Scope.parse("").isEmpty());
    assertTrue(Scope.parse(null).isEmpty());
  }
}
