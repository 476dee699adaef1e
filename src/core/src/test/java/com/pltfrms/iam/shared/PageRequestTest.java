package com.pltfrms.iam.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PageRequestTest {

  private static ApplicationProblem.Kind kindOf(String offset, String limit) {
    return assertThrows(ApplicationProblem.class, () -> PageRequest.parse(offset, limit)).kind();
  }

  @Test
  void parseWhenAbsentThenDefaults() {
    assertEquals(new PageRequest(0, PageRequest.DEFAULT_LIMIT), PageRequest.parse(null, null));
  }

  @Test
  void parseWhenEmptyThenDefaults() {
    assertEquals(new PageRequest(0, 20), PageRequest.parse("", ""));
  }

  @Test
  void parseWhenGivenThenUsed() {
    assertEquals(new PageRequest(40, 10), PageRequest.parse("40", "10"));
  }

  @Test
  void parseWhenLimitAtBoundsThenAccepted() {
    assertEquals(1, PageRequest.parse("0", "1").limit());
    assertEquals(PageRequest.MAX_LIMIT, PageRequest.parse("0", "200").limit());
  }

  @Test
  void parseWhenOffsetNegativeThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf("-1", null));
  }

  @Test
  void parseWhenLimitZeroThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf(null, "0"));
  }

  @Test
  void parseWhenLimitNegativeThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf(null, "-5"));
  }

  @Test
  void parseWhenLimitOverMaximumThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf(null, "201"));
  }

  @Test
  void parseWhenOffsetNotIntegerThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf("abc", null));
  }

  @Test
  void parseWhenLimitNotIntegerThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf(null, "1.5"));
  }

  @Test
  void parseWhenOffsetOverflowsIntThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf("2147483648", null));
  }

  @Test
  void parseWhenValueHasSpacesThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf(" 1", null));
  }

  @Test
  void constructorWhenOffsetNegativeThenInvalid() {
    assertEquals(
        ApplicationProblem.Kind.INVALID,
        assertThrows(ApplicationProblem.class, () -> new PageRequest(-1, 20)).kind());
  }
}
