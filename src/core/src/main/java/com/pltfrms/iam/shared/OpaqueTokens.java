package com.pltfrms.iam.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * High-entropy opaque values the server hands out once and then only recognises: client secrets,
 * authorization codes, session cookies, refresh and provisioning tokens. 256 random bits,
 * base64url; stored only as their SHA-256 (hex). A fast hash is right for them: 256 random bits
 * cannot be guessed, so slowing the hash buys nothing (Argon2id is for what people choose:
 * passwords).
 */
public final class OpaqueTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final java.util.regex.Pattern FORM =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]{43}");

  private OpaqueTokens() {}

  /** A new value: 32 random bytes, base64url without padding (43 characters). */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether {@code value} is of the form {@link #generate} makes; anything else is not ours. */
  public static boolean wellFormed(String value) {
    return value != null && value.length() == 43 && FORM.matcher(value).matches();
  }

  /** The hex SHA-256 of {@code value}, the only form that is stored. */
  public static String hash(String value) {
    return HexFormat.of().formatHex(digest(value));
  }

  /** Compares in constant time; {@code storedHash} null (nothing stored) never matches. */
  public static boolean matches(String presented, String storedHash) {
    byte[] expected = storedHash == null ? new byte[32] : HexFormat.of().parseHex(storedHash);
    boolean equal = MessageDigest.isEqual(digest(presented), expected);
    return equal && storedHash != null;
  }

  private static byte[] digest(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
