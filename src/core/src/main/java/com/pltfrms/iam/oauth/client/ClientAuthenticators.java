package com.pltfrms.iam.oauth.client;

import com.pltfrms.iam.oauth.client.ClientAuthenticator.ClientAuthRequest;
import com.pltfrms.iam.oauth.protocol.ClientAuthMethod;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The chain of client authenticators: tells from the request which {@link ClientAuthMethod} it uses
 * and hands it to the one {@link ClientAuthenticator} for that method. A method this server has no
 * authenticator for is {@code invalid_client}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3">RFC 6749 §2.3</a>
 */
@ApplicationScoped
public class ClientAuthenticators {

  private Map<ClientAuthMethod, ClientAuthenticator> byMethod;

  protected ClientAuthenticators() {}

  @Inject
  public ClientAuthenticators(Instance<ClientAuthenticator> authenticators) {
    this(authenticators.stream().toList());
  }

  /** For plain-Java tests: the chain of these authenticators. */
  public ClientAuthenticators(Iterable<ClientAuthenticator> authenticators) {
    Map<ClientAuthMethod, ClientAuthenticator> map = new EnumMap<>(ClientAuthMethod.class);
    for (ClientAuthenticator authenticator : authenticators) {
      if (map.put(authenticator.method(), authenticator) != null) {
        throw new IllegalStateException("two authenticators for " + authenticator.method());
      }
    }
    this.byMethod = Collections.unmodifiableMap(map);
  }

  /** The methods clients may use here, for discovery. */
  public Set<ClientAuthMethod> supported() {
    return byMethod.keySet();
  }

  public ClientSnapshot authenticate(ClientAuthRequest request) {
    ClientAuthMethod method = ClientAuthMethod.of(request.authorization(), request.form());
    ClientAuthenticator authenticator = byMethod.get(method);
    if (authenticator == null) {
      throw new OAuthProblem(
          OAuthError.INVALID_CLIENT,
          "client authentication method " + method.value() + " is not supported");
    }
    return authenticator.authenticate(request);
  }
}
