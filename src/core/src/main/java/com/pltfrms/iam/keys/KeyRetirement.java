package com.pltfrms.iam.keys;

import java.time.Duration;
import java.time.Instant;

/**
 * When a key that stopped signing may be retired (removed from the JWKS, its private half
 * destroyed): once every token it can have signed has expired and verifiers have had time to fetch
 * the JWKS anew. That is the moment it stopped signing, plus {@link KeyRing#TTL} (a node that
 * missed the change notice signs with its cached key for up to that long), plus the longest
 * access-token lifetime of the realm then ({@link LongestAccessTokenLifetime}), plus the lifetime
 * for which verifiers may cache the JWKS ({@link #JWKS_CACHE_LIFETIME}). Before that, retiring
 * needs {@code force}: the admin says the key is compromised and live tokens should fail.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7517#section-5">RFC 7517 §5</a>
 */
public final class KeyRetirement {

  /** How long verifiers may cache a realm's JWKS: its {@code Cache-Control: max-age}. */
  public static final Duration JWKS_CACHE_LIFETIME = Duration.ofSeconds(60);

  private KeyRetirement() {}

  /** The moment a key that stopped signing at {@code stoppedSigningAt} may be retired. */
  static Instant retirableAt(Instant stoppedSigningAt, Duration longestAccessTokenLifetime) {
    return stoppedSigningAt
        .plus(KeyRing.TTL)
        .plus(longestAccessTokenLifetime)
        .plus(JWKS_CACHE_LIFETIME);
  }
}
