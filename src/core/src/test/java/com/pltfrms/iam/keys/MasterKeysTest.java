package com.pltfrms.iam.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Sealing and opening private keys under master keys, and rotating from one master key to another.
 */
class MasterKeysTest {

  private static final byte[] PLAIN = "a PKCS#8 private key".getBytes(StandardCharsets.UTF_8);
  private static final KeyBinding BINDING = new KeyBinding("realm-1", "kid-1");

  private final byte[] oldKey = TestMasterKeys.randomKey();
  private final byte[] newKey = TestMasterKeys.randomKey();

  private static SealedKeyException.Reason openFails(
      MasterKeys keys, String envelope, KeyBinding binding) {
    return assertThrows(SealedKeyException.class, () -> keys.open(envelope, binding)).reason();
  }

  /** The envelope with one character of its ciphertext part changed. */
  private static String tamperCiphertext(String envelope) {
    int last = envelope.length() - 5;
    char c = envelope.charAt(last);
    return envelope.substring(0, last) + (c == 'A' ? 'B' : 'A') + envelope.substring(last + 1);
  }

  @Test
  void openWhenSealedBySameKeyAndBindingThenPlainBack() {
    MasterKeys keys = MasterKeys.of(newKey, null);
    assertArrayEquals(PLAIN, keys.open(keys.seal(PLAIN, BINDING), BINDING));
  }

  @Test
  void sealWhenTwiceThenDifferentEnvelopes() {
    MasterKeys keys = MasterKeys.of(newKey, null);
    assertNotEquals(keys.seal(PLAIN, BINDING), keys.seal(PLAIN, BINDING));
  }

  @Test
  void sealWhenAnyKeyThenEnvelopeNamesCurrentKeyId() {
    MasterKeys keys = MasterKeys.of(newKey, oldKey);
    String envelope = keys.seal(PLAIN, BINDING);
    assertTrue(envelope.startsWith("v2." + MasterKeys.idOf(newKey) + "."), envelope);
  }

  @Test
  void sealWhenAnyKeyThenEnvelopeCarriesNeitherKeyNorPlainText() {
    String envelope = MasterKeys.of(newKey, null).seal(PLAIN, BINDING);
    assertFalse(envelope.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(newKey)));
    assertFalse(envelope.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(PLAIN)));
  }

  @Test
  void openWhenCiphertextTamperedThenDoesNotOpen() {
    MasterKeys keys = MasterKeys.of(newKey, null);
    String tampered = tamperCiphertext(keys.seal(PLAIN, BINDING));
    assertEquals(SealedKeyException.Reason.DOES_NOT_OPEN, openFails(keys, tampered, BINDING));
  }

  @Test
  void openWhenIvTamperedThenDoesNotOpen() {
    MasterKeys keys = MasterKeys.of(newKey, null);
    String[] parts = keys.seal(PLAIN, BINDING).split("\\.");
    byte[] iv = Base64.getUrlDecoder().decode(parts[2]);
    iv[0] ^= 1;
    parts[2] = Base64.getUrlEncoder().withoutPadding().encodeToString(iv);
    assertEquals(
        SealedKeyException.Reason.DOES_NOT_OPEN, openFails(keys, String.join(".", parts), BINDING));
  }

  @Test
  void openWhenSealedUnderAnotherKeyThenUnknownMasterKey() {
    String envelope = MasterKeys.of(oldKey, null).seal(PLAIN, BINDING);
    assertEquals(
        SealedKeyException.Reason.UNKNOWN_MASTER_KEY,
        openFails(MasterKeys.of(newKey, null), envelope, BINDING));
  }

  @Test
  void openWhenEnvelopeRenamedToHeldKeyThenDoesNotOpen() {
    // an envelope of the old key relabelled as the new key's: the id is bound, so it fails
    String envelope = MasterKeys.of(oldKey, null).seal(PLAIN, BINDING);
    String relabelled = envelope.replace(MasterKeys.idOf(oldKey), MasterKeys.idOf(newKey));
    assertEquals(
        SealedKeyException.Reason.DOES_NOT_OPEN,
        openFails(MasterKeys.of(newKey, null), relabelled, BINDING));
  }

  @Test
  void openWhenAnotherRealmsBindingThenDoesNotOpen() {
    MasterKeys keys = MasterKeys.of(newKey, null);
    String envelope = keys.seal(PLAIN, BINDING);
    assertEquals(
        SealedKeyException.Reason.DOES_NOT_OPEN,
        openFails(keys, envelope, new KeyBinding("realm-2", "kid-1")));
  }

  @Test
  void openWhenAnotherKidsBindingThenDoesNotOpen() {
    MasterKeys keys = MasterKeys.of(newKey, null);
    String envelope = keys.seal(PLAIN, BINDING);
    assertEquals(
        SealedKeyException.Reason.DOES_NOT_OPEN,
        openFails(keys, envelope, new KeyBinding("realm-1", "kid-2")));
  }

  @Test
  void openWhenBindingFieldsShiftedThenDoesNotOpen() {
    MasterKeys keys = MasterKeys.of(newKey, null);
    String envelope = keys.seal(PLAIN, new KeyBinding("ab", "c"));
    assertEquals(
        SealedKeyException.Reason.DOES_NOT_OPEN,
        openFails(keys, envelope, new KeyBinding("a", "bc")));
  }

  @Test
  void openWhenNotAnEnvelopeThenMalformed() {
    MasterKeys keys = MasterKeys.of(newKey, null);
    for (String bad :
        new String[] {"", "v3.a.b", "v2.short.AAAA.AAAA", "v1.!!.??", "v1.AAAA", "plain text"}) {
      assertEquals(SealedKeyException.Reason.MALFORMED, openFails(keys, bad, BINDING), bad);
    }
  }

  @Test
  void openWhenNullThenMalformed() {
    assertEquals(
        SealedKeyException.Reason.MALFORMED, openFails(MasterKeys.of(newKey, null), null, BINDING));
  }

  @Test
  void openWhenRotatingAndSealedUnderPreviousThenOpens() {
    String envelope = MasterKeys.of(oldKey, null).seal(PLAIN, BINDING);
    assertArrayEquals(PLAIN, MasterKeys.of(newKey, oldKey).open(envelope, BINDING));
  }

  @Test
  void resealWhenSealedUnderPreviousThenNamesCurrentAndOpensWithoutPrevious() {
    String envelope = MasterKeys.of(oldKey, null).seal(PLAIN, BINDING);
    String resealed = MasterKeys.of(newKey, oldKey).reseal(envelope, BINDING);
    MasterKeys afterRotation = MasterKeys.of(newKey, null);
    assertTrue(afterRotation.isCurrent(resealed));
    assertArrayEquals(PLAIN, afterRotation.open(resealed, BINDING));
  }

  @Test
  void openWhenPreviousRemovedBeforeResealThenUnknownMasterKey() {
    String envelope = MasterKeys.of(oldKey, null).seal(PLAIN, BINDING);
    assertEquals(
        SealedKeyException.Reason.UNKNOWN_MASTER_KEY,
        openFails(MasterKeys.of(newKey, null), envelope, BINDING));
  }

  @Test
  void openWhenNodeHoldsOnlyOldKeyAndSealedUnderNewThenUnknownMasterKey() {
    // a node not yet restarted during a rotation: why the re-seal waits until every node holds both
    String resealed = MasterKeys.of(newKey, oldKey).seal(PLAIN, BINDING);
    assertEquals(
        SealedKeyException.Reason.UNKNOWN_MASTER_KEY,
        openFails(MasterKeys.of(oldKey, null), resealed, BINDING));
  }

  @Test
  void openWhenV1UnderCurrentKeyThenOpens() {
    String v1 = TestMasterKeys.sealV1(newKey, PLAIN, BINDING.kid());
    assertArrayEquals(PLAIN, MasterKeys.of(newKey, null).open(v1, BINDING));
  }

  @Test
  void openWhenV1UnderPreviousKeyThenOpens() {
    String v1 = TestMasterKeys.sealV1(oldKey, PLAIN, BINDING.kid());
    assertArrayEquals(PLAIN, MasterKeys.of(newKey, oldKey).open(v1, BINDING));
  }

  @Test
  void openWhenV1UnderNoHeldKeyThenDoesNotOpen() {
    String v1 = TestMasterKeys.sealV1(oldKey, PLAIN, BINDING.kid());
    assertEquals(
        SealedKeyException.Reason.DOES_NOT_OPEN,
        openFails(MasterKeys.of(newKey, null), v1, BINDING));
  }

  @Test
  void openWhenV1OfAnotherKidThenDoesNotOpen() {
    String v1 = TestMasterKeys.sealV1(newKey, PLAIN, "kid-2");
    assertEquals(
        SealedKeyException.Reason.DOES_NOT_OPEN,
        openFails(MasterKeys.of(newKey, null), v1, BINDING));
  }

  @Test
  void resealWhenV1ThenV2UnderCurrent() {
    String v1 = TestMasterKeys.sealV1(newKey, PLAIN, BINDING.kid());
    MasterKeys keys = MasterKeys.of(newKey, null);
    String resealed = keys.reseal(v1, BINDING);
    assertTrue(keys.isCurrent(resealed));
    assertArrayEquals(PLAIN, keys.open(resealed, BINDING));
  }

  @Test
  void isCurrentWhenV1ThenFalse() {
    String v1 = TestMasterKeys.sealV1(newKey, PLAIN, BINDING.kid());
    assertFalse(MasterKeys.of(newKey, null).isCurrent(v1));
  }

  @Test
  void isCurrentWhenSealedUnderPreviousThenFalse() {
    String envelope = MasterKeys.of(oldKey, null).seal(PLAIN, BINDING);
    assertFalse(MasterKeys.of(newKey, oldKey).isCurrent(envelope));
  }

  @Test
  void idOfWhenSameKeyThenSameId() {
    assertEquals(MasterKeys.idOf(newKey), MasterKeys.idOf(newKey.clone()));
  }

  @Test
  void idOfWhenDifferentKeysThenDifferentIds() {
    assertNotEquals(MasterKeys.idOf(newKey), MasterKeys.idOf(oldKey));
  }

  @Test
  void idOfWhenAnyKeyThenSixteenBase64UrlCharacters() {
    assertTrue(MasterKeys.idOf(newKey).matches("[A-Za-z0-9_-]{16}"));
  }

  @Test
  void ofWhenPreviousEqualsCurrentThenNoPrevious() {
    assertEquals(Optional.empty(), MasterKeys.of(newKey, newKey.clone()).previousId());
  }

  @Test
  void ofWhenPreviousGivenThenItsId() {
    assertEquals(Optional.of(MasterKeys.idOf(oldKey)), MasterKeys.of(newKey, oldKey).previousId());
  }

  @Test
  void ofWhenKeyNot32BytesThenIllegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> MasterKeys.of(new byte[16], null));
  }

  @Test
  void toStringWhenAnyKeysThenIdsOnly() {
    String text = MasterKeys.of(newKey, oldKey).toString();
    assertTrue(text.contains(MasterKeys.idOf(newKey)) && text.contains(MasterKeys.idOf(oldKey)));
    assertFalse(text.contains(Base64.getEncoder().encodeToString(newKey)));
  }
}
