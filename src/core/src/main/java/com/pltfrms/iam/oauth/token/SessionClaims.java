package com.pltfrms.iam.oauth.token;

import java.time.Instant;

/**
 * What a user's access token says of the sign-in behind it: the SSO session ({@code sid}), when the
 * user authenticated ({@code auth_time}), how ({@code acr}), and the token family it belongs to
 * ({@code fid}: every token issued from one authorization code, revoked together). {@link #NONE}
 * for tokens without a session (the password grant, service clients).
 */
public record SessionClaims(String sid, Instant authTime, String acr, String familyId) {

  public static final SessionClaims NONE = new SessionClaims(null, null, null, null);

  /** A sign-in's claims for a token outside any family. */
  public SessionClaims(String sid, Instant authTime, String acr) {
    this(sid, authTime, acr, null);
  }
}
