package com.pltfrms.iam.oauth.protocol;

import java.util.Optional;

/**
 * How a client authenticates at the token endpoint, named as RFC 7591 §2 {@code
 * token_endpoint_auth_method} names them, and how to tell from a request which one it uses.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3">RFC 6749 §2.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7523#section-2.2">RFC 7523 §2.2</a>
 */
public enum ClientAuthMethod {
  /** HTTP Basic with the client id and secret (RFC 6749 §2.3.1). */
  CLIENT_SECRET_BASIC("client_secret_basic"),
  /** {@code client_id} and {@code client_secret} in the body (RFC 6749 §2.3.1). */
  CLIENT_SECRET_POST("client_secret_post"),
  /** A signed JWT assertion (RFC 7523 §2.2, OIDC Core §9). */
  PRIVATE_KEY_JWT("private_key_jwt"),
  /** A public client: only {@code client_id}, proof by PKCE instead (RFC 7636). */
  NONE("none");

  private final String value;

  ClientAuthMethod(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  /**
   * The method a request uses, judged by what it carries. More than one is {@code invalid_request}
   * (RFC 6749 §2.3: "MUST NOT use more than one authentication method in each request"); none at
   * all is {@code invalid_client}.
   */
  public static ClientAuthMethod of(String authorization, FormParameters form) {
    boolean header = authorization != null && !authorization.isEmpty();
    boolean secret = form.has("client_secret");
    boolean assertion = form.has("client_assertion") || form.has("client_assertion_type");
    int methods = (header ? 1 : 0) + (secret ? 1 : 0) + (assertion ? 1 : 0);
    if (methods > 1) {
      throw OAuthProblem.invalidRequest("more than one client authentication method");
    }
    if (header) {
      return CLIENT_SECRET_BASIC;
    }
    if (secret) {
      return CLIENT_SECRET_POST;
    }
    if (assertion) {
      return PRIVATE_KEY_JWT;
    }
    if (form.has("client_id")) {
      return NONE;
    }
    throw new OAuthProblem(OAuthError.INVALID_CLIENT, "client authentication is required");
  }

  public static Optional<ClientAuthMethod> fromValue(String value) {
    for (ClientAuthMethod method : values()) {
      if (method.value.equals(value)) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }
}
