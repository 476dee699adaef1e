package com.pltfrms.iam.oauth.protocol;

/**
 * A successful access token response (RFC 6749 §5.1), with the ID token of OIDC Core §3.1.3.3 when
 * one is issued. {@link #toString()} leaves the tokens out.
 *
 * @param idToken the ID token, or null when none is issued
 * @param refreshToken the refresh token (RFC 6749 §1.5), or null when none is issued
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 §5.1</a>
 */
public record TokenResponse(
    String accessToken,
    String tokenType,
    long expiresIn,
    Scope scope,
    String idToken,
    String refreshToken) {

  /** A response without an ID token. */
  public TokenResponse(String accessToken, String tokenType, long expiresIn, Scope scope) {
    this(accessToken, tokenType, expiresIn, scope, null, null);
  }

  /** This response with {@code token} as its refresh token. */
  public TokenResponse withRefreshToken(String token) {
    return new TokenResponse(accessToken, tokenType, expiresIn, scope, idToken, token);
  }

  @Override
  public String toString() {
    return "TokenResponse[tokenType="
        + tokenType
        + ", expiresIn="
        + expiresIn
        + ", scope="
        + scope
        + ", idToken="
        + (idToken != null)
        + ", refreshToken="
        + (refreshToken != null)
        + "]";
  }
}
