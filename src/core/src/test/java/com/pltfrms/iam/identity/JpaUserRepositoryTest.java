package com.pltfrms.iam.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JpaUserRepositoryTest {

  @Test
  void likePrefixWhenWildcardsThenEscapedToMatchThemselves() {
    assertEquals("a\\%b\\_c\\\\d%", JpaUserRepository.likePrefix("a%b_c\\d"));
  }

  @Test
  void literalWhenQuotesBackslashesAndQuestionMarksThenNoneLeftBare() {
    assertEquals("E'o\\x27brien'", JpaUserRepository.literal("o'brien"));
    assertEquals("E'\\\\\\x27 OR 1=1 --'", JpaUserRepository.literal("\\' OR 1=1 --"));
    assertEquals("E'a\\x3fb'", JpaUserRepository.literal("a?b"));
  }
}
