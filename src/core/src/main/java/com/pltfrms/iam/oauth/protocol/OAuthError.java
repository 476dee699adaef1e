package com.pltfrms.iam.oauth.protocol;

/**
 * The one OAuth error vocabulary: each error carries its code and HTTP status.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 §3.1</a>
 */
public enum OAuthError {
  INVALID_REQUEST("invalid_request", 400),
  INVALID_CLIENT("invalid_client", 401),
  INVALID_GRANT("invalid_grant", 400),
  UNAUTHORIZED_CLIENT("unauthorized_client", 400),
  UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
  INVALID_SCOPE("invalid_scope", 400),
  /** RFC 6750 §3.1: the bearer token is missing, expired, revoked or malformed. */
  INVALID_TOKEN("invalid_token", 401),
  /** RFC 6750 §3.1: the token is valid but lacks the privileges the request needs. */
  INSUFFICIENT_SCOPE("insufficient_scope", 403),
  /** The realm in the path does not exist (or is disabled): the endpoint does not exist. */
  REALM_NOT_FOUND("invalid_request", 404),
  /** The body is larger than the endpoint accepts. */
  REQUEST_TOO_LARGE("invalid_request", 413),
  /** The endpoint accepts another HTTP method or media type. */
  UNSUPPORTED_MEDIA_TYPE("invalid_request", 415),
  SERVER_ERROR("server_error", 500),
  /** The server is starting or cannot reach its database (RFC 6749 §4.1.2.1 uses the code too). */
  TEMPORARILY_UNAVAILABLE("temporarily_unavailable", 503),
  /** RFC 6749 §4.1.2.1: the authorization endpoint issues codes only. */
  UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type", 400),
  /** RFC 6749 §4.1.2.1: the user (or the server) denied the request. */
  ACCESS_DENIED("access_denied", 403),
  /** OIDC Core §3.1.2.6: {@code prompt=none} and nobody is logged in. */
  LOGIN_REQUIRED("login_required", 400),
  /** OIDC Core §3.1.2.6: {@code prompt=none} and the user has not consented. */
  CONSENT_REQUIRED("consent_required", 400),
  /** OIDC Core §3.1.2.6: request objects by value are not supported (yet). */
  REQUEST_NOT_SUPPORTED("request_not_supported", 400),
  /** OIDC Core §3.1.2.6: request objects by reference are not supported (yet). */
  REQUEST_URI_NOT_SUPPORTED("request_uri_not_supported", 400),
  /** RFC 7009 §2.2.1: the token is of a type this server does not revoke. */
  UNSUPPORTED_TOKEN_TYPE("unsupported_token_type", 400);

  private final String code;
  private final int status;

  OAuthError(String code, int status) {
    this.code = code;
    this.status = status;
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  /** The RFC section a client should read about this error. */
  public String uri() {
    return switch (this) {
      case INVALID_TOKEN, INSUFFICIENT_SCOPE ->
          "https://www.rfc-editor.org/rfc/rfc6750#section-3.1";
      case UNSUPPORTED_RESPONSE_TYPE, ACCESS_DENIED ->
          "https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1";
      case LOGIN_REQUIRED, CONSENT_REQUIRED, REQUEST_NOT_SUPPORTED, REQUEST_URI_NOT_SUPPORTED ->
          "https://openid.net/specs/openid-connect-core-1_0.html#AuthError";
      case UNSUPPORTED_TOKEN_TYPE -> "https://www.rfc-editor.org/rfc/rfc7009#section-2.2.1";
      default -> "https://www.rfc-editor.org/rfc/rfc6749#section-5.2";
    };
  }
}
