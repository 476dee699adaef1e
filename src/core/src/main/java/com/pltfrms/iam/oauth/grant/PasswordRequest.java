package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.identity.PasswordLogin;
import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.protocol.Scope;
import java.util.Optional;

/**
 * A resource-owner password token request's own parameters (RFC 6749 §4.3.2). Both values are
 * bounded ({@link PasswordLogin#MAX_INPUT}) before anything looks at them.
 *
 * @param password never logged, never in {@link #toString()}
 */
public record PasswordRequest(String username, String password, Optional<Scope> scope) {

  public static PasswordRequest parse(FormParameters form) {
    // username (REQUIRED), password (REQUIRED)
    String username = form.require("username");
    String password = form.require("password");
    if (username.length() > PasswordLogin.MAX_INPUT
        || password.length() > PasswordLogin.MAX_INPUT) {
      throw OAuthProblem.invalidRequest(
          "username and password may be at most " + PasswordLogin.MAX_INPUT + " characters");
    }
    // scope (OPTIONAL)
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
    return new PasswordRequest(username, password, scope);
  }

  @Override
  public String toString() {
    return "PasswordRequest[scope=" + scope.map(Scope::value).orElse("") + "]";
  }
}
