package com.pltfrms.iam.oauth.client;

import com.pltfrms.iam.oauth.protocol.ClientAuthMethod;
import com.pltfrms.iam.oauth.protocol.ClientAuthentication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code client_secret_basic}: the client id and secret in an HTTP Basic Authorization header, each
 * form-urlencoded first.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1">RFC 6749 §2.3.1</a>
 */
@ApplicationScoped
public class ClientSecretBasicAuthenticator implements ClientAuthenticator {

  private ClientDirectory clients;
  private ClientAuthFailures failures;

  protected ClientSecretBasicAuthenticator() {}

  @Inject
  public ClientSecretBasicAuthenticator(ClientDirectory clients, ClientAuthFailures failures) {
    this.clients = clients;
    this.failures = failures;
  }

  @Override
  public ClientAuthMethod method() {
    return ClientAuthMethod.CLIENT_SECRET_BASIC;
  }

  @Override
  public ClientSnapshot authenticate(ClientAuthRequest request) {
    ClientAuthentication credentials =
        ClientAuthentication.basic(request.authorization(), request.form());
    return SecretAuthentication.verify(request, credentials, clients, failures);
  }
}
