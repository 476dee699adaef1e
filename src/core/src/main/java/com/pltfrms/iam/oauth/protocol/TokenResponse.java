package com.pltfrms.iam.oauth.protocol;

/**
 * A successful access token response (RFC 6749 §5.1). {@link #toString()} leaves the token out.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 §5.1</a>
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, Scope scope) {

  @Override
  public String toString() {
    return "TokenResponse[tokenType="
        + tokenType
        + ", expiresIn="
        + expiresIn
        + ", scope="
        + scope
        + "]";
  }
}
