package com.pltfrms.iam.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stored text form of sealed private keys. */
class SealedEnvelopeTest {

  private static final String ID = "abcdefghijklmnop";

  @Test
  void masterKeyIdOfWhenV2ThenTheNamedId() {
    assertEquals(Optional.of(ID), SealedEnvelope.masterKeyIdOf("v2." + ID + ".AAAA.BBBB"));
  }

  @Test
  void masterKeyIdOfWhenV1ThenEmpty() {
    assertEquals(Optional.empty(), SealedEnvelope.masterKeyIdOf("v1.AAAA.BBBB"));
  }

  @Test
  void masterKeyIdOfWhenNullThenEmpty() {
    assertEquals(Optional.empty(), SealedEnvelope.masterKeyIdOf(null));
  }

  @Test
  void formatWhenParsedThenSameText() {
    String text =
        MasterKeys.of(TestMasterKeys.randomKey(), null).seal(new byte[] {1, 2}, binding());
    assertEquals(text, SealedEnvelope.parse(text).format());
  }

  private static KeyBinding binding() {
    return new KeyBinding("r", "k");
  }
}
