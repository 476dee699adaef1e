package com.pltfrms.iam.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Fixtures: random master keys, and envelopes in the v1 format earlier releases stored. */
final class TestMasterKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TestMasterKeys() {}

  static byte[] randomKey() {
    byte[] key = new byte[MasterKeys.KEY_BYTES];
    RANDOM.nextBytes(key);
    return key;
  }

  /** Exactly what the release before v2 wrote: {@code v1.<iv>.<ct>}, associated data the kid. */
  static String sealV1(byte[] masterKey, byte[] plain, String kid) {
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"), new GCMParameterSpec(128, iv));
      cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      return "v1." + b64.encodeToString(iv) + "." + b64.encodeToString(sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
