package com.pltfrms.iam.oauth.client;

import com.pltfrms.iam.oauth.protocol.ClientAuthMethod;
import com.pltfrms.iam.oauth.protocol.ClientAuthentication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code client_secret_post}: {@code client_id} and {@code client_secret} in the request body.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1">RFC 6749 §2.3.1</a>
 */
@ApplicationScoped
public class ClientSecretPostAuthenticator implements ClientAuthenticator {

  private ClientDirectory clients;
  private ClientAuthFailures failures;

  protected ClientSecretPostAuthenticator() {}

  @Inject
  public ClientSecretPostAuthenticator(ClientDirectory clients, ClientAuthFailures failures) {
    this.clients = clients;
    this.failures = failures;
  }

  @Override
  public ClientAuthMethod method() {
    return ClientAuthMethod.CLIENT_SECRET_POST;
  }

  @Override
  public ClientSnapshot authenticate(ClientAuthRequest request) {
    ClientAuthentication credentials = ClientAuthentication.post(request.form());
    return SecretAuthentication.verify(request, credentials, clients, failures);
  }
}
