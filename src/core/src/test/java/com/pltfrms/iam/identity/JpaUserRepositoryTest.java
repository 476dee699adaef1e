package com.pltfrms.iam.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JpaUserRepositoryTest {

  @Test
  void likePrefixWhenWildcardsThenEscapedToMatchThemselves() {
    assertEquals("a\\%b\\_c\\\\d%", JpaUserRepository.likePrefix("a%b_c\\d"));
  }

  @Test
  void literalWhenQuotesAndBackslashesThenEscapedWhateverTheStringMode() {
    assertEquals("E'o\\'brien'", JpaUserRepository.literal("o'brien"));
    assertEquals("E'\\\\\\''", JpaUserRepository.literal("\\'"));
  }
}
