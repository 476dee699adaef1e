package com.pltfrms.iam.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnsafeTextTest {

  @ParameterizedTest
  @ValueSource(ints = {0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F})
  void inWhenControlCharacterThenUnsafe(int control) {
    assertTrue(UnsafeText.in("a" + (char) control + "b"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uD800", "a\uD83D", "\uDC00b", "\uDE00\uD83D"})
  void inWhenLoneSurrogateThenUnsafe(String text) {
    assertTrue(UnsafeText.in(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Acme Corp.", "é ü ß", "\u00A0\u00FF", "日本語", "😀 emoji", "a\uFFFDb"})
  void inWhenPrintableTextThenSafe(String text) {
    assertFalse(UnsafeText.in(text));
  }

  @Test
  void indexInWhenUnsafeCharacterThenItsPosition() {
    assertEquals(3, UnsafeText.indexIn("abc\u0000"));
  }

  @Test
  void indexInWhenSafeThenMinusOne() {
    assertEquals(-1, UnsafeText.indexIn("abc"));
  }
}
