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

  /** Longer than any token of ours; what is longer is refused without a lookup. */
  static final int MAX_TOKEN = 256;

  public static RefreshRequest parse(FormParameters form) {
    String token = form.require("refresh_token");
    if (token.length() > MAX_TOKEN) {
      throw OAuthProblem.invalidRequest("refresh_token too long");
    }
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
