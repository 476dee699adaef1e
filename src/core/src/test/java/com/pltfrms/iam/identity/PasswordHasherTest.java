package com.pltfrms.iam.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  @Test
  void hashWhenPasswordGivenThenArgon2idPhcWithTodaysParameters() {
    String hash = PasswordHasher.hash("correct horse");
    assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
    assertTrue(PasswordHasher.verify("correct horse", hash));
    assertFalse(PasswordHasher.verify("wrong horse", hash));
    assertFalse(PasswordHasher.needsRehash(hash));
  }

  @Test
  void hashWhenSamePasswordTwiceThenDifferentSalts() {
    assertNotEquals(PasswordHasher.hash("same"), PasswordHasher.hash("same"));
  }

  @Test
  void verifyWhenPbkdf2HashThenVerifiesAndAsksForRehash() throws Exception {
    String pbkdf2 = PasswordHasher.pbkdf2Sha256("imported", "salt-1234567890".getBytes(), 27_500);
    assertTrue(PasswordHasher.verify("imported", pbkdf2));
    assertFalse(PasswordHasher.verify("other", pbkdf2));
    assertTrue(PasswordHasher.needsRehash(pbkdf2));
  }

  @Test
  void verifyWhenHashGarbageOrNullThenFalse() {
    assertFalse(PasswordHasher.verify("x", null));
    assertFalse(PasswordHasher.verify(null, "$argon2id$v=19$"));
    assertFalse(PasswordHasher.verify("x", "plaintext"));
    assertFalse(PasswordHasher.verify("x", "$pbkdf2-sha256$i=notanumber$aa$bb"));
  }
}
