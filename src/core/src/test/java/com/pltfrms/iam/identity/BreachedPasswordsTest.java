package com.pltfrms.iam.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BreachedPasswordsTest {

  @Test
  void sizeWhenLoadedThenAtLeastTheTop100000() {
    assertTrue(BreachedPasswords.size() > 400_000, "size " + BreachedPasswords.size());
  }

  @Test
  void containsWhenMostCommonPasswordsThenTrue() {
    assertTrue(BreachedPasswords.contains("123456"));
    assertTrue(BreachedPasswords.contains("password"));
    assertTrue(BreachedPasswords.contains("qwerty"));
  }

  @Test
  void containsWhenDifferentCaseThenTrue() {
    assertTrue(BreachedPasswords.contains("PassWord"));
  }

  @Test
  void containsWhenCommonTwelveCharacterPasswordThenTrue() {
    assertTrue(BreachedPasswords.contains("123456789012"));
  }

  @Test
  void containsWhenRandomPassphraseThenFalse() {
    assertFalse(BreachedPasswords.contains("tangerine-vault-ozone-47-quill"));
  }
}
