package com.pltfrms.iam.api.support;

import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/**
 * RFC 6749 §5.2 error responses: {@code error}, {@code error_description}, {@code error_uri} as
 * JSON, never cached (§5.1). A 401 always carries a challenge, as RFC 9110 §15.5.2 requires: a
 * failed client authentication the {@code Basic} one of {@code client_secret_basic} (§5.2 demands
 * it after HTTP Basic and allows it otherwise, so a client that sent its secret in the body learns
 * that Basic is accepted too); a bearer token error the RFC 6750 §3 {@code Bearer} one. Statuses
 * without an OAuth code of their own are {@code invalid_request} (4xx), {@code
 * temporarily_unavailable} (503) or {@code server_error} (other 5xx), with the status kept.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>
 */
final class OAuthErrorWriter implements ErrorWriter {

  static final String BASIC_CHALLENGE = "Basic realm=\"oauth\", charset=\"UTF-8\"";

  private static final String SECTION_5_2 = "https://www.rfc-editor.org/rfc/rfc6749#section-5.2";

  @Override
  public ErrorReply oauthProblem(OAuthProblem problem) {
    OAuthError error = problem.error();
    return reply(error.status(), error.code(), problem.description(), error.uri());
  }

  @Override
  public ErrorReply status(int status, String detail) {
    String code =
        switch (status) {
          case 401 -> OAuthError.INVALID_CLIENT.code();
          case 503 -> OAuthError.TEMPORARILY_UNAVAILABLE.code();
          default ->
              status >= 500 ? OAuthError.SERVER_ERROR.code() : OAuthError.INVALID_REQUEST.code();
        };
    return reply(status, code, detail, SECTION_5_2);
  }

  private static ErrorReply reply(int status, String code, String description, String uri) {
    JsonObjectBuilder body = Json.createObjectBuilder().add("error", code);
    if (description != null) {
      body.add("error_description", printable(description));
    }
    body.add("error_uri", uri);
    ErrorReply reply =
        new ErrorReply(status, "application/json", body.build().toString())
            .withHeader("Cache-Control", "no-store")
            .withHeader("Pragma", "no-cache");
    String challenge = challenge(status, code);
    return challenge == null ? reply : reply.withHeader("WWW-Authenticate", challenge);
  }

  private static String challenge(int status, String code) {
    if (code.equals(OAuthError.INVALID_TOKEN.code())
        || code.equals(OAuthError.INSUFFICIENT_SCOPE.code())) {
      return "Bearer error=\"" + code + "\"";
    }
    return status == 401 ? BASIC_CHALLENGE : null;
  }

  /**
   * §5.2 allows {@code error_description} only printable ASCII without {@code "} and {@code \}; a
   * description that names a value the client sent is cut down to that.
   */
  static String printable(String description) {
    StringBuilder out = new StringBuilder(Math.min(description.length(), 200));
    for (int i = 0; i < description.length() && out.length() < 200; i++) {
      char c = description.charAt(i);
      out.append(c >= 0x20 && c <= 0x7E && c != '"' && c != '\\' ? c : '?');
    }
    return out.toString();
  }
}
