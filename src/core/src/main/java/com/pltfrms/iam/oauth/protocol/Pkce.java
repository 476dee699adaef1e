package com.pltfrms.iam.oauth.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Proof Key for Code Exchange with the {@code S256} method only: {@code plain} would hand the
 * verifier to whoever reads the authorization request, so it is refused (OAuth 2.1 §4.1.1, RFC 9700
 * §2.1.1).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4">RFC 7636 §4</a>
 */
public final class Pkce {

  /** The one method supported. */
  public static final String S256 = "S256";

  /**
   * RFC 7636 §4.1 / §4.2: 43 to 128 characters of the unreserved set {@code [A-Z] / [a-z] / [0-9] /
   * "-" / "." / "_" / "~"}.
   */
  private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

  private Pkce() {}

  /** True when {@code value} has the syntax of a code verifier or code challenge. */
  public static boolean wellFormed(String value) {
    return value != null && SYNTAX.matcher(value).matches();
  }

  /** {@code BASE64URL(SHA256(ASCII(verifier)))} without padding (RFC 7636 §4.2). */
  public static String challengeOf(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Whether {@code verifier} proves possession for {@code challenge} under S256 (RFC 7636 §4.6),
   * comparing in constant time. False for a missing or malformed value on either side.
   */
  public static boolean verifies(String challenge, String verifier) {
    if (!wellFormed(challenge) || !wellFormed(verifier)) {
      return false;
    }
    return MessageDigest.isEqual(
        challengeOf(verifier).getBytes(StandardCharsets.US_ASCII),
        challenge.getBytes(StandardCharsets.US_ASCII));
  }
}
