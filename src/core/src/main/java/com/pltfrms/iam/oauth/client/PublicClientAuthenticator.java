package com.pltfrms.iam.oauth.client;

import com.pltfrms.iam.oauth.client.ClientAuthFailures.Reason;
import com.pltfrms.iam.oauth.protocol.ClientAuthMethod;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * {@code none}: a public client names itself with {@code client_id} alone (RFC 6749 §2.1; it cannot
 * keep a secret, so the grant proves the rest: PKCE for codes, the user's password for the legacy
 * password grant). Only a client of type {@code public} may do this; any other client is {@code
 * invalid_client}, as is a public client that sends a secret (that request reaches the secret
 * authenticators, and a public client has no secret to match).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.1">RFC 6749 §2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-2">RFC 7591 §2 ("none")</a>
 */
@ApplicationScoped
public class PublicClientAuthenticator implements ClientAuthenticator {

  private static final int MAX_CLIENT_ID = 255;

  private ClientDirectory clients;
  private ClientAuthFailures failures;

  protected PublicClientAuthenticator() {}

  @Inject
  public PublicClientAuthenticator(ClientDirectory clients, ClientAuthFailures failures) {
    this.clients = clients;
    this.failures = failures;
  }

  @Override
  public ClientAuthMethod method() {
    return ClientAuthMethod.NONE;
  }

  @Override
  public ClientSnapshot authenticate(ClientAuthRequest request) {
    // client_id (REQUIRED for a client that does not authenticate, RFC 6749 §3.2.1)
    String clientId = request.form().require("client_id");
    if (clientId.length() > MAX_CLIENT_ID) {
      throw new OAuthProblem(OAuthError.INVALID_CLIENT, "client authentication failed");
    }
    Optional<ClientSnapshot> client = clients.find(request.realm().id(), clientId);
    Reason reason =
        client.isEmpty()
            ? Reason.UNKNOWN_CLIENT
            : client.get().type() != ClientType.PUBLIC
                ? Reason.MISSING_SECRET
                : !client.get().enabled() ? Reason.DISABLED : null;
    if (reason != null) {
      failures.record(request, client.orElse(null), clientId, reason);
      throw new OAuthProblem(OAuthError.INVALID_CLIENT, "client authentication failed");
    }
    return client.get();
  }
}
