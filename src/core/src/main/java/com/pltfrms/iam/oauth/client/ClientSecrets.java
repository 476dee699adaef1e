package com.pltfrms.iam.oauth.client;

import com.pltfrms.iam.shared.OpaqueTokens;

/**
 * Client secrets: {@link OpaqueTokens} (256 random bits, shown once, stored only as a SHA-256 hash,
 * compared in constant time).
 */
public final class ClientSecrets {

  private ClientSecrets() {}

  public static String generate() {
    return OpaqueTokens.generate();
  }

  public static String hash(String secret) {
    return OpaqueTokens.hash(secret);
  }

  /** Compares in constant time; {@code storedHash} null (no secret) never matches. */
  public static boolean matches(String presented, String storedHash) {
    return OpaqueTokens.matches(presented, storedHash);
  }
}
