package com.pltfrms.iam.oauth.token;

import com.pltfrms.iam.oauth.client.ClientAuthenticator.ClientAuthRequest;
import com.pltfrms.iam.oauth.client.ClientAuthenticators;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.grant.GrantContext;
import com.pltfrms.iam.oauth.grant.GrantHandler;
import com.pltfrms.iam.oauth.protocol.ClientAuthMethod;
import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.protocol.TokenResponse;
import com.pltfrms.iam.realm.RealmDirectory;
import com.pltfrms.iam.realm.RealmSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The token endpoint's use case (RFC 6749 §3.2): find the grant's handler, authenticate the client
 * through the chain of authenticators, let the handler parse its parameters and issue. Realm,
 * client and key lookups come from in-memory caches, so a token costs one signature and one audit
 * row.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.2">RFC 6749 §3.2</a>
 */
@ApplicationScoped
public class TokenService {

  private RealmDirectory realms;
  private ClientAuthenticators authenticators;
  private Map<String, GrantHandler<?>> handlers;

  protected TokenService() {}

  @Inject
  public TokenService(
      RealmDirectory realms,
      ClientAuthenticators authenticators,
      Instance<GrantHandler<?>> handlerBeans) {
    this.realms = realms;
    this.authenticators = authenticators;
    Map<String, GrantHandler<?>> byType = new TreeMap<>();
    handlerBeans.forEach(h -> byType.put(h.grantType(), h));
    this.handlers = Map.copyOf(byType);
  }

  /** The grant types this server serves, for discovery. */
  public Set<String> grantTypes() {
    return new java.util.TreeSet<>(handlers.keySet());
  }

  /** The client authentication methods this server accepts, for discovery. */
  public Set<ClientAuthMethod> authMethods() {
    return authenticators.supported();
  }

  public TokenResponse issue(TokenRequest request) {
    // grant_type (REQUIRED)
    String grantType = request.form().require("grant_type");
    GrantHandler<?> handler = handlers.get(grantType);
    if (handler == null) {
      throw new OAuthProblem(OAuthError.UNSUPPORTED_GRANT_TYPE, "unsupported grant_type");
    }
    ClientSnapshot client = authenticate(request);
    return handle(
        handler,
        new GrantContext(request.realm(), request.issuer(), client, request.clientAddress()),
        request.form());
  }

  /**
   * The client a request to the token, introspection or revocation endpoint authenticates as (RFC
   * 6749 §2.3; RFC 7662 §2.1, RFC 7009 §2.1 use the same methods): {@code invalid_client} when it
   * does not.
   */
  public ClientSnapshot authenticate(TokenRequest request) {
    return authenticators.authenticate(
        new ClientAuthRequest(
            request.realm(), request.authorization(), request.form(), request.clientAddress()));
  }

  private static <R> TokenResponse handle(
      GrantHandler<R> handler, GrantContext context, FormParameters form) {
    return handler.handle(context, handler.parse(form));
  }

  /** The realm of this name if it exists and is enabled; else the endpoint does not exist. */
  public RealmSnapshot activeRealm(String realmName) {
    return realms
        .find(realmName)
        .filter(RealmSnapshot::enabled)
        .orElseThrow(() -> new OAuthProblem(OAuthError.REALM_NOT_FOUND, "realm not found"));
  }
}
