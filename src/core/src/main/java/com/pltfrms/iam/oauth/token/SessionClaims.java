package com.pltfrms.iam.oauth.token;

import java.time.Instant;

/**
 * What a user's access token says of the sign-in behind it: the SSO session ({@code sid}), when the
 * user authenticated ({@code auth_time}) and how ({@code acr}). {@link #NONE} for tokens without a
 * session (the password grant, service clients).
 */
public record SessionClaims(String sid, Instant authTime, String acr) {

  public static final SessionClaims NONE = new SessionClaims(null, null, null);
}
