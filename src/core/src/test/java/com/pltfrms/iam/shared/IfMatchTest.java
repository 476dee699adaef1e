package com.pltfrms.iam.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IfMatchTest {

  private static ApplicationProblem.Kind kindOf(Runnable call) {
    return assertThrows(ApplicationProblem.class, call::run).kind();
  }

  @Test
  void tagWhenVersionThenQuotedDecimal() {
    assertEquals("\"42\"", IfMatch.tag(42));
  }

  @Test
  void checkWhenAbsentThenAnyVersionPasses() {
    IfMatch.parse(null).check(7);
    IfMatch.parse("").check(7);
  }

  @Test
  void checkWhenStarThenAnyVersionPasses() {
    IfMatch.parse("*").check(7);
  }

  @Test
  void checkWhenCurrentTagThenPasses() {
    IfMatch.parse("\"7\"").check(7);
  }

  @Test
  void checkWhenOneOfListedTagsThenPasses() {
    IfMatch.parse("\"3\", \"7\"").check(7);
  }

  @Test
  void checkWhenStaleTagThenPreconditionFailed() {
    assertEquals(
        ApplicationProblem.Kind.PRECONDITION_FAILED, kindOf(() -> IfMatch.parse("\"6\"").check(7)));
  }

  @Test
  void checkWhenWeakTagOfCurrentVersionThenPreconditionFailed() {
    assertEquals(
        ApplicationProblem.Kind.PRECONDITION_FAILED,
        kindOf(() -> IfMatch.parse("W/\"7\"").check(7)));
  }

  @Test
  void parseWhenUnquotedThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf(() -> IfMatch.parse("7")));
  }

  @Test
  void parseWhenEmptyListMemberThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf(() -> IfMatch.parse("\"7\",,")));
  }

  @Test
  void parseWhenSpaceInsideTagThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf(() -> IfMatch.parse("\"a b\"")));
  }

  @Test
  void parseWhenControlCharacterInsideTagThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf(() -> IfMatch.parse("\"7\u0000\"")));
  }
}
