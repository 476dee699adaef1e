package com.pltfrms.iam.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private static final byte[] SALT = "salt-1234567890".getBytes(StandardCharsets.US_ASCII);

  private static String pbkdf2(String password) throws GeneralSecurityException {
    return PasswordHasher.pbkdf2Sha256(password, SALT, 27_500);
  }

  @Test
  void hashWhenPasswordGivenThenArgon2idPhcWithTodaysParameters() {
    String hash = PasswordHasher.hash("correct horse");
    assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
  }

  @Test
  void hashWhenPasswordGivenThenDoesNotContainIt() {
    assertFalse(PasswordHasher.hash("correct horse").contains("correct horse"));
  }

  @Test
  void verifyWhenSamePasswordThenTrue() {
    assertTrue(PasswordHasher.verify("correct horse", PasswordHasher.hash("correct horse")));
  }

  @Test
  void verifyWhenOtherPasswordThenFalse() {
    assertFalse(PasswordHasher.verify("wrong horse", PasswordHasher.hash("correct horse")));
  }

  @Test
  void verifyWhenNonAsciiPasswordThenTrue() {
    assertTrue(PasswordHasher.verify("pässwörd✓", PasswordHasher.hash("pässwörd✓")));
  }

  @Test
  void hashWhenSamePasswordTwiceThenDifferentSalts() {
    assertNotEquals(PasswordHasher.hash("same"), PasswordHasher.hash("same"));
  }

  @Test
  void needsRehashWhenFreshArgon2idThenFalse() {
    assertFalse(PasswordHasher.needsRehash(PasswordHasher.hash("x")));
  }

  @Test
  void needsRehashWhenArgon2idWithWeakerParametersThenTrue() {
    assertTrue(PasswordHasher.needsRehash("$argon2id$v=19$m=4096,t=3,p=1$c2FsdA$aGFzaA"));
  }

  @Test
  void needsRehashWhenPbkdf2ThenTrue() throws Exception {
    assertTrue(PasswordHasher.needsRehash(pbkdf2("imported")));
  }

  @Test
  void needsRehashWhenNullThenTrue() {
    assertTrue(PasswordHasher.needsRehash(null));
  }

  @Test
  void pbkdf2Sha256WhenGivenThenPhcLikeForm() throws Exception {
    assertTrue(pbkdf2("imported").startsWith("$pbkdf2-sha256$i=27500$"));
  }

  @Test
  void verifyWhenPbkdf2AndSamePasswordThenTrue() throws Exception {
    assertTrue(PasswordHasher.verify("imported", pbkdf2("imported")));
  }

  @Test
  void verifyWhenPbkdf2AndOtherPasswordThenFalse() throws Exception {
    assertFalse(PasswordHasher.verify("other", pbkdf2("imported")));
  }

  @Test
  void verifyWhenPbkdf2IterationsChangedThenFalse() throws Exception {
    String tampered = pbkdf2("imported").replace("$i=27500$", "$i=27501$");
    assertFalse(PasswordHasher.verify("imported", tampered));
  }

  @Test
  void verifyWhenHashNullThenFalse() {
    assertFalse(PasswordHasher.verify("x", null));
  }

  @Test
  void verifyWhenPasswordNullThenFalse() {
    assertFalse(PasswordHasher.verify(null, PasswordHasher.hash("x")));
  }

  @Test
  void verifyWhenHashIsPlaintextThenFalse() {
    assertFalse(PasswordHasher.verify("x", "x"));
  }

  @Test
  void verifyWhenHashEmptyThenFalse() {
    assertFalse(PasswordHasher.verify("x", ""));
  }

  @Test
  void verifyWhenPbkdf2IterationsNotANumberThenFalse() {
    assertFalse(PasswordHasher.verify("x", "$pbkdf2-sha256$i=notanumber$aa$bb"));
  }

  @Test
  void verifyWhenPbkdf2SaltNotBase64ThenFalse() {
    assertFalse(PasswordHasher.verify("x", "$pbkdf2-sha256$i=1000$%%%$aGFzaA=="));
  }

  @Test
  void verifyWhenPbkdf2PartsMissingThenFalse() {
    assertFalse(PasswordHasher.verify("x", "$pbkdf2-sha256$i=1000$c2FsdA=="));
  }

  @Test
  void verifyWhenPbkdf2HashEmptyThenFalse() {
    assertFalse(PasswordHasher.verify("x", "$pbkdf2-sha256$i=1000$c2FsdA==$"));
  }

  @Test
  void verifyWhenPbkdf2IterationsZeroThenFalse() {
    assertFalse(PasswordHasher.verify("x", "$pbkdf2-sha256$i=0$c2FsdA==$aGFzaA=="));
  }

  @Test
  void verifyWhenArgon2TruncatedThenFalse() {
    assertFalse(PasswordHasher.verify("x", "$argon2id$v=19$"));
  }

  @Test
  void verifyWhenArgon2ParametersGarbageThenFalse() {
    assertFalse(PasswordHasher.verify("x", "$argon2id$v=19$m=abc,t=2,p=1$c2FsdA$aGFzaA"));
  }

  @Test
  void verifyWhenArgon2HashFieldMissingThenFalse() {
    assertFalse(PasswordHasher.verify("x", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0"));
  }

  @Test
  void verifyAndUpgradeWhenPbkdf2MatchesThenArgon2idReplacementOfSamePassword() throws Exception {
    PasswordHasher.Verification result =
        PasswordHasher.verifyAndUpgrade("Keycloak-pass-1", pbkdf2("Keycloak-pass-1"));
    assertTrue(result.matched());
    String upgraded = result.upgraded().orElseThrow();
    assertTrue(upgraded.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), upgraded);
    assertTrue(PasswordHasher.verify("Keycloak-pass-1", upgraded));
    assertFalse(PasswordHasher.needsRehash(upgraded));
  }

  @Test
  void verifyAndUpgradeWhenPbkdf2DoesNotMatchThenNoUpgrade() throws Exception {
    PasswordHasher.Verification result =
        PasswordHasher.verifyAndUpgrade("other", pbkdf2("Keycloak-pass-1"));
    assertFalse(result.matched());
    assertTrue(result.upgraded().isEmpty());
  }

  @Test
  void verifyAndUpgradeWhenCurrentArgon2idThenMatchWithoutUpgrade() {
    PasswordHasher.Verification result =
        PasswordHasher.verifyAndUpgrade("correct horse", PasswordHasher.hash("correct horse"));
    assertTrue(result.matched());
    assertTrue(result.upgraded().isEmpty());
  }

  @Test
  void isSupportedWhenArgon2idHashThenTrue() {
    assertTrue(PasswordHasher.isSupported(PasswordHasher.hash("correct horse")));
  }

  @Test
  void isSupportedWhenPbkdf2HashThenTrue() throws Exception {
    assertTrue(PasswordHasher.isSupported(PasswordHasher.pbkdf2Sha256("pw", new byte[16], 27_500)));
  }

  @Test
  void isSupportedWhenNotAPhcStringThenFalse() {
    assertFalse(PasswordHasher.isSupported("correct horse"));
    assertFalse(PasswordHasher.isSupported("$argon2id$garbage"));
    assertFalse(PasswordHasher.isSupported("$pbkdf2-sha256$i=x$AAAA$AAAA"));
    assertFalse(PasswordHasher.isSupported(null));
  }
}
