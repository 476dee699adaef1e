package com.pltfrms.iam.oauth.client;

import com.pltfrms.iam.oauth.client.ClientAuthFailures.Reason;
import com.pltfrms.iam.oauth.client.ClientAuthenticator.ClientAuthRequest;
import com.pltfrms.iam.oauth.protocol.ClientAuthentication;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import java.util.Optional;

/**
 * Checks a presented client id and secret against the realm's clients: the secret compared in
 * constant time even when the client is unknown (so timing does not tell which clients exist), the
 * client enabled and of a type that holds a secret. What {@code client_secret_basic} and {@code
 * client_secret_post} have in common.
 */
final class SecretAuthentication {

  private SecretAuthentication() {}

  static ClientSnapshot verify(
      ClientAuthRequest request,
      ClientAuthentication credentials,
      ClientDirectory clients,
      ClientAuthFailures failures) {
    Optional<ClientSnapshot> client = clients.find(request.realm().id(), credentials.clientId());
    boolean secretOk =
        client
            .map(c -> c.secretMatches(credentials.secret()))
            .orElseGet(() -> ClientSecrets.matches(credentials.secret(), null));
    Reason reason =
        client.isEmpty()
            ? Reason.UNKNOWN_CLIENT
            : !secretOk ? Reason.BAD_SECRET : !client.get().enabled() ? Reason.DISABLED : null;
    if (reason != null) {
      failures.record(request, client.orElse(null), credentials.clientId(), reason);
      throw new OAuthProblem(
          OAuthError.INVALID_CLIENT, "client authentication failed", credentials.basic());
    }
    return client.get();
  }
}
