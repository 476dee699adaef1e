package com.pltfrms.iam.oauth.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Client secrets: 256 random bits, shown once, stored only as a SHA-256 hash. A fast hash is right
 * here: a secret of 256 random bits cannot be guessed, so slowing the hash buys nothing and would
 * cost every token request (Argon2id is for what people choose: passwords).
 */
public final class ClientSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ClientSecrets() {}

  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String secret) {
    return HexFormat.of().formatHex(digest(secret));
  }

  /** Compares in constant time; {@code storedHash} null (no secret) never matches. */
  public static boolean matches(String presented, String storedHash) {
    byte[] expected = storedHash == null ? new byte[32] : HexFormat.of().parseHex(storedHash);
    boolean equal = MessageDigest.isEqual(digest(presented), expected);
    return equal && storedHash != null;
  }

  private static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
