package com.pltfrms.iam.oauth.token;

/**
 * A signed access token and the facts the caller needs about it. {@link #toString()} leaves the
 * token out.
 *
 * @param value the compact JWS
 * @param jti its unique id, fit for audit records and revocation lists
 * @param expiresIn its lifetime in seconds
 */
public record IssuedToken(String value, String jti, long expiresIn) {

  @Override
  public String toString() {
    return "IssuedToken[jti=" + jti + ", expiresIn=" + expiresIn + "]";
  }
}
