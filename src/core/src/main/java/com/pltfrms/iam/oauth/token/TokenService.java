package com.pltfrms.iam.oauth.token;

import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.audit.FailedAttempt;
import com.pltfrms.iam.audit.FailedAttempts;
import com.pltfrms.iam.oauth.client.ClientDirectory;
import com.pltfrms.iam.oauth.client.ClientSecrets;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.grant.GrantContext;
import com.pltfrms.iam.oauth.grant.GrantHandler;
import com.pltfrms.iam.oauth.protocol.ClientAuthentication;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.protocol.TokenResponse;
import com.pltfrms.iam.realm.RealmDirectory;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The token endpoint's use case (RFC 6749 §3.2): find the realm, authenticate the client, hand the
 * request to the one {@link GrantHandler} for its {@code grant_type}. Failed client authentication
 * is counted in the audit trail's failure windows ({@link FailedAttempts}). Realm, client and key
 * lookups come from in-memory caches, so a token costs one signature and one audit INSERT.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.2">RFC 6749 §3.2</a>
 */
@ApplicationScoped
public class TokenService {

  @Inject RealmDirectory realms;
  @Inject ClientDirectory clients;
  @Inject Instance<GrantHandler> handlerBeans;
  @Inject FailedAttempts failedAttempts;

  private Map<String, GrantHandler> handlers;

  @PostConstruct
  void indexHandlers() {
    Map<String, GrantHandler> byType = new TreeMap<>();
    handlerBeans.forEach(h -> byType.put(h.grantType(), h));
    handlers = Map.copyOf(byType);
  }

  /** The grant types this server serves, for discovery. */
  public Set<String> grantTypes() {
    return handlers.keySet();
  }

  public TokenResponse issue(TokenRequest request) {
    RealmSnapshot realm = request.realm();
    // grant_type (REQUIRED)
    String grantType = request.form().require("grant_type");
    GrantHandler handler = handlers.get(grantType);
    if (handler == null) {
      throw new OAuthProblem(OAuthError.UNSUPPORTED_GRANT_TYPE, "unsupported grant_type");
    }
    ClientSnapshot client = authenticate(realm, request);
    return handler.handle(new GrantContext(realm, request.issuer(), client, request.form()));
  }

  /** The realm of this name if it exists and is enabled; else the endpoint does not exist. */
  public RealmSnapshot activeRealm(String realmName) {
    return realms
        .find(realmName)
        .filter(RealmSnapshot::enabled)
        .orElseThrow(() -> new OAuthProblem(OAuthError.REALM_NOT_FOUND, "realm not found"));
  }

  private ClientSnapshot authenticate(RealmSnapshot realm, TokenRequest request) {
    ClientAuthentication credentials =
        ClientAuthentication.parse(request.authorization(), request.form());
    Optional<ClientSnapshot> client = clients.find(realm.id(), credentials.clientId());
    // Compare even when the client is unknown, so timing does not tell which clients exist.
    boolean secretOk =
        client
            .map(c -> c.secretMatches(credentials.secret()))
            .orElseGet(() -> ClientSecrets.matches(credentials.secret(), null));
    if (client.isEmpty() || !secretOk || !client.get().enabled()) {
      String reason = client.isEmpty() ? "unknown_client" : !secretOk ? "bad_secret" : "disabled";
      failedAttempts.record(
          new FailedAttempt(
              realm.id(),
              realm.name(),
              AuditEventTypes.CLIENT_AUTH_FAILED,
              Actor.client(client.map(ClientSnapshot::id).orElse(null), credentials.clientId()),
              request.remoteAddress(),
              reason));
      throw new OAuthProblem(
          OAuthError.INVALID_CLIENT, "client authentication failed", credentials.basic());
    }
    return client.get();
  }
}
