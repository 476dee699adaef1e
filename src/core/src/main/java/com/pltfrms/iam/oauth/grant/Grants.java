package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.protocol.GrantType;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.protocol.Scope;
import java.util.Optional;

/** What every grant handler checks of the authenticated client before it issues anything. */
final class Grants {

  private Grants() {}

  /**
   * The client must be registered for {@code grant} (RFC 6749 §5.2 {@code unauthorized_client}).
   */
  static void requireRegistered(ClientSnapshot client, GrantType grant) {
    if (!client.allows(grant)) {
      throw new OAuthProblem(
          OAuthError.UNAUTHORIZED_CLIENT,
          "client is not registered for the " + grant.value() + " grant");
    }
  }

  /**
   * The scope to grant: the requested one, which must be within the client's allowed scopes (RFC
   * 6749 §3.3 {@code invalid_scope}), or all of those when none is requested.
   */
  static Scope granted(ClientSnapshot client, Optional<Scope> requested) {
    Scope granted = requested.orElse(client.allowedScopes());
    if (!granted.isSubsetOf(client.allowedScopes())) {
      throw new OAuthProblem(
          OAuthError.INVALID_SCOPE, "requested scope exceeds the client's allowed scopes");
    }
    return granted;
  }
}
