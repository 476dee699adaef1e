package com.pltfrms.iam.oauth.token;

import java.time.Instant;

/**
 * What a user's access token says of the sign-in behind it: the SSO session ({@code sid}), when the
 * user authenticated ({@code auth_time}) and how ({@code acr}), and the token family of the
 * authorization code it was issued for, which its {@code jti} names so that revoking the family (a
 * replayed code) revokes the token ({@link AccessTokenIssuer#familyOf}). {@link #NONE} for tokens
 * without a session (the password grant, service clients).
 */
public record SessionClaims(String sid, Instant authTime, String acr, String tokenFamily) {

  public static final SessionClaims NONE = new SessionClaims(null, null, null, null);
}
