package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.protocol.Scope;
import java.util.Optional;

/**
 * A client-credentials token request's own parameters (RFC 6749 §4.4.2).
 *
 * @param scope the requested scope, if the request names one
 */
public record ClientCredentialsRequest(Optional<Scope> scope) {

  public static ClientCredentialsRequest parse(FormParameters form) {
    // scope (OPTIONAL)
    return new ClientCredentialsRequest(
        form.get("scope")
            .map(
                value -> {
                  try {
                    return Scope.parse(value);
                  } catch (IllegalArgumentException e) {
                    throw new OAuthProblem(OAuthError.INVALID_SCOPE, "malformed scope");
                  }
                }));
  }
}
