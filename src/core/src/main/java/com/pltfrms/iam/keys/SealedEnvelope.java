package com.pltfrms.iam.keys;

import java.util.Base64;
import java.util.Optional;

/**
 * The stored form of a private key encrypted under a master key (AES-256-GCM, 96-bit IV, 128-bit
 * tag), as text in {@code signing_key.private_key_sealed}:
 *
 * <ul>
 *   <li>{@code v2.<masterKeyId>.<iv>.<ciphertext>}: names the master key it was sealed under;
 *       associated data binds the format, that master key id, the realm id and the kid (see {@link
 *       KeyBinding}). Every envelope is written this way.
 *   <li>{@code v1.<iv>.<ciphertext>}: written by earlier releases; names no master key and binds
 *       only the kid. Still opened; a re-seal rewrites it as v2.
 * </ul>
 *
 * Base64url without padding throughout.
 *
 * @param version {@code v1} or {@code v2}
 * @param masterKeyId the master key's id (v2), empty for v1
 * @param iv the GCM nonce
 * @param ciphertext the ciphertext followed by the GCM tag
 */
record SealedEnvelope(String version, Optional<String> masterKeyId, byte[] iv, byte[] ciphertext) {

  static final String V1 = "v1";
  static final String V2 = "v2";
  static final int IV_BYTES = 12;
  private static final int TAG_BYTES = 16;

  static SealedEnvelope parse(String text) {
    if (text == null) {
      throw malformed();
    }
    String[] parts = text.split("\\.", -1);
    try {
      if (parts.length == 3 && V1.equals(parts[0])) {
        return checked(
            new SealedEnvelope(V1, Optional.empty(), decode(parts[1]), decode(parts[2])));
      }
      if (parts.length == 4 && V2.equals(parts[0]) && MasterKeys.isWellFormedId(parts[1])) {
        return checked(
            new SealedEnvelope(V2, Optional.of(parts[1]), decode(parts[2]), decode(parts[3])));
      }
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
    throw malformed();
  }

  /** The master key id a v2 envelope names, without parsing the rest; empty for anything else. */
  static Optional<String> masterKeyIdOf(String text) {
    if (text == null || !text.startsWith(V2 + ".")) {
      return Optional.empty();
    }
    int end = text.indexOf('.', V2.length() + 1);
    return end < 0 ? Optional.empty() : Optional.of(text.substring(V2.length() + 1, end));
  }

  String format() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return version
        + "."
        + masterKeyId.map(id -> id + ".").orElse("")
        + b64.encodeToString(iv)
        + "."
        + b64.encodeToString(ciphertext);
  }

  private static SealedEnvelope checked(SealedEnvelope envelope) {
    if (envelope.iv.length != IV_BYTES || envelope.ciphertext.length <= TAG_BYTES) {
      throw malformed();
    }
    return envelope;
  }

  private static byte[] decode(String part) {
    return Base64.getUrlDecoder().decode(part);
  }

  private static SealedKeyException malformed() {
    return new SealedKeyException(
        SealedKeyException.Reason.MALFORMED, "The sealed private key is not a known envelope");
  }

  @Override
  public String toString() {
    return "SealedEnvelope[" + version + masterKeyId.map(id -> ", " + id).orElse("") + "]";
  }
}
