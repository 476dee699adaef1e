package com.pltfrms.iam.oauth.client;

import com.pltfrms.iam.shared.ApplicationProblem;

/**
 * A client's own refresh-token lifetimes (RFC 6749 §1.5 leaves them to the server), each null for
 * the realm's: the idle lifetime (a token unused this long is dead) and the maximum (no token of
 * the grant lives past this long after the code exchange). They only ever shorten what the realm
 * allows: a refresh token bound to an SSO session also dies with the session.
 *
 * @param idleSeconds the idle lifetime, or null for the realm's
 * @param maxSeconds the maximum lifetime, or null for the realm's
 */
public record RefreshLifetimes(Integer idleSeconds, Integer maxSeconds) {

  public static final RefreshLifetimes REALM = new RefreshLifetimes(null, null);

  /** The bounds of each, in seconds: a minute to two years. */
  public static final int MIN = 60;

  public static final int MAX = 730 * 86_400;

  public RefreshLifetimes {
    check("refreshTokenIdleSeconds", idleSeconds);
    check("refreshTokenMaxSeconds", maxSeconds);
    if (idleSeconds != null && maxSeconds != null && idleSeconds > maxSeconds) {
      throw ApplicationProblem.invalid(
          "refreshTokenIdleSeconds must not exceed refreshTokenMaxSeconds",
          "refreshTokenIdleSeconds");
    }
  }

  /** The idle lifetime for this client: its own when shorter than the realm's {@code realm}. */
  public int idle(int realm) {
    return idleSeconds == null ? realm : Math.min(idleSeconds, realm);
  }

  /** The maximum lifetime for this client: its own when shorter than the realm's {@code realm}. */
  public int max(int realm) {
    return maxSeconds == null ? realm : Math.min(maxSeconds, realm);
  }

  private static void check(String field, Integer seconds) {
    if (seconds != null && (seconds < MIN || seconds > MAX)) {
      throw ApplicationProblem.invalid(
          field + " must be between " + MIN + " and " + MAX + " (0 or null: the realm's)", field);
    }
  }
}
