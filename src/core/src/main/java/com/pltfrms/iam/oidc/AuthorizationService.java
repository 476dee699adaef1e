package com.pltfrms.iam.oidc;

import com.pltfrms.iam.oauth.client.ClientDirectory;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.client.ClientType;
import com.pltfrms.iam.oauth.grant.AuthorizationCodes;
import com.pltfrms.iam.oauth.grant.CodeBinding;
import com.pltfrms.iam.oauth.protocol.AuthorizationClient;
import com.pltfrms.iam.oauth.protocol.AuthorizationRequest;
import com.pltfrms.iam.oauth.protocol.AuthorizationResponse;
import com.pltfrms.iam.oauth.protocol.GrantType;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.RedirectUri;
import com.pltfrms.iam.oauth.scope.ClientScopeService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.session.SessionLifetimes;
import com.pltfrms.iam.session.SessionService;
import com.pltfrms.iam.session.SessionSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what the authorization endpoint may do with a request (RFC 6749 §4.1.1, OIDC Core
 * §3.1.2): {@link AuthorizationRequest} validates the parameters against the realm's enabled web
 * and public clients and its scopes; then the client must be registered for the code grant ({@code
 * unauthorized_client}) and may ask only for scopes it is allowed ({@code invalid_scope}). A client
 * that lists no {@code allowedScopes} may ask for the OpenID Connect standard ones, {@link
 * #STANDARD}; one that lists some, for those and {@code openid}.
 */
@ApplicationScoped
public class AuthorizationService {

  /** What a web or public client without allowedScopes may request. */
  public static final Set<String> STANDARD =
      Set.of("openid", "profile", "email", "address", "phone");

  private ClientDirectory clients;
  private ClientScopeService scopes;
  private AuthorizationCodes codes;
  private SessionService sessions;
  private Clock clock;

  protected AuthorizationService() {}

  @Inject
  public AuthorizationService(
      ClientDirectory clients,
      ClientScopeService scopes,
      AuthorizationCodes codes,
      SessionService sessions,
      Clock clock) {
    this.clients = clients;
    this.scopes = scopes;
    this.codes = codes;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** The validated request, or an {@link com.pltfrms.iam.oauth.protocol.AuthorizationProblem}. */
  public AuthorizationRequest validate(
      RealmSnapshot realm, String issuer, Map<String, List<String>> parameters) {
    AuthorizationRequest request =
        AuthorizationRequest.parse(
            parameters,
            issuer,
            clientId -> webClient(realm, clientId).map(AuthorizationService::authorizationClient),
            scope -> scopes.known(realm, scope));
    ClientSnapshot client = webClient(realm, request.clientId()).orElseThrow();
    if (!client.allows(GrantType.AUTHORIZATION_CODE)) {
      throw request.refuse(
          OAuthError.UNAUTHORIZED_CLIENT,
          "the client is not registered for the authorization code grant",
          issuer);
    }
    for (String scope : request.scope().tokens()) {
      if (!allowed(client, scope)) {
        throw request.refuse(
            OAuthError.INVALID_SCOPE, "the client may not ask for the scope " + scope, issuer);
      }
    }
    return request;
  }

  /**
   * Answers a validated request for a user signed in to {@code session}: a code bound to everything
   * the token request must match, the session noted as having served the client (in the same
   * transaction; not again while its last note is within the session's touch granularity), and the
   * response to send to the client's redirect URI.
   *
   * @param claimsJson the request's raw {@code claims} parameter, or null
   * @param amr how the user authenticated (RFC 8176)
   */
  public AuthorizationResponse issueCode(
      RealmSnapshot realm,
      String issuer,
      AuthorizationRequest request,
      String claimsJson,
      SessionSnapshot session,
      List<String> amr) {
    ClientSnapshot client = webClient(realm, request.clientId()).orElseThrow();
    Instant now = clock.instant();
    boolean recorded =
        session.clients().stream()
            .anyMatch(
                c ->
                    c.id().equals(client.id())
                        && c.lastIssuedAt()
                            .plus(SessionLifetimes.of(realm.login()).touchGranularity())
                            .isAfter(now));
    String code =
        codes.issue(
            new CodeBinding(
                realm.id(),
                client.id(),
                session.userId(),
                session.id(),
                request.redirectUri(),
                request.codeChallenge(),
                request.nonce(),
                request.scope().value(),
                claimsJson,
                session.authTime(),
                amr.contains("mfa") ? "mfa" : "pwd",
                amr),
            () -> {
              if (!recorded) {
                sessions.recordClient(realm, session.id(), client.id());
              }
            });
    return AuthorizationResponse.code(request, code, issuer);
  }

  /** The enabled confidential or public client of the realm named {@code clientId}. */
  public Optional<ClientSnapshot> webClient(RealmSnapshot realm, String clientId) {
    return clients
        .find(realm.id(), clientId)
        .filter(ClientSnapshot::enabled)
        .filter(c -> c.type() == ClientType.CONFIDENTIAL || c.type() == ClientType.PUBLIC);
  }

  static boolean allowed(ClientSnapshot client, String scope) {
    if (client.allowedScopes().isEmpty()) {
      return STANDARD.contains(scope);
    }
    return AuthorizationRequest.OPENID.equals(scope)
        || client.allowedScopes().tokens().contains(scope);
  }

  private static AuthorizationClient authorizationClient(ClientSnapshot client) {
    return new AuthorizationClient(
        client.clientId(),
        client.redirectUris().stream().map(RedirectUri::value).toList(),
        client.pkceRequired() || client.type() == ClientType.PUBLIC);
  }
}
