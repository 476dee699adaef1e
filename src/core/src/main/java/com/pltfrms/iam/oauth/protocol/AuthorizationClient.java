package com.pltfrms.iam.oauth.protocol;

import java.util.List;
import java.util.Objects;

/**
 * What validating an authorization request needs to know of the client it names: its registered
 * redirect URIs (matched exactly, RFC 6749 §3.1.2.3; a loopback IP URI on any port, RFC 8252 §7.3)
 * and whether it must send a PKCE challenge. The client model supplies it; this package does not
 * depend on that model.
 *
 * @param clientId the client's {@code client_id}
 * @param redirectUris the registered redirect URIs, in registration order
 * @param pkceRequired whether a request without {@code code_challenge} is refused
 */
public record AuthorizationClient(
    String clientId, List<String> redirectUris, boolean pkceRequired) {

  public AuthorizationClient {
    Objects.requireNonNull(clientId, "clientId");
    redirectUris = List.copyOf(redirectUris);
  }

  /** Whether {@code requested} is one of the registered redirect URIs. */
  public boolean registered(String requested) {
    return redirectUris.stream().anyMatch(r -> new RedirectUri(r).matches(requested));
  }
}
