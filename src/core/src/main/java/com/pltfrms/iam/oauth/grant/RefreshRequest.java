package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.protocol.Scope;
import java.util.Optional;

/**
 * A refresh token request's own parameters (RFC 6749 §6): {@code refresh_token} required, {@code
 * scope} optional (it may narrow the grant, never widen it). {@link #toString()} leaves the token
 * out.
 */
public record RefreshRequest(String refreshToken, Optional<Scope> scope) {

  public static RefreshRequest parse(FormParameters form) {
    // any other value (a JWT, garbage of any length the form allows) is no refresh token of
    // ours: invalid_grant, without a lookup (RefreshTokens checks the form first)
    String token = form.require("refresh_token");
    Optional<Scope> scope =
        form.get("scope")
            .map(
                value -> {
                  try {
                    return Scope.parse(value);
                  } catch (IllegalArgumentException e) {
                    throw new OAuthProblem(OAuthError.INVALID_SCOPE, "malformed scope");
                  }
                });
    return new RefreshRequest(token, scope);
  }

  @Override
  public String toString() {
    return "RefreshRequest[scope=" + scope + "]";
  }
}
