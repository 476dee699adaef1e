package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.access.AccessPrincipal;
import com.pltfrms.iam.access.EffectiveAccess;
import com.pltfrms.iam.access.EffectiveAccessService;
import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.GrantType;
import com.pltfrms.iam.oauth.protocol.Scope;
import com.pltfrms.iam.oauth.protocol.TokenResponse;
import com.pltfrms.iam.oauth.token.AccessClaims;
import com.pltfrms.iam.oauth.token.AccessTokenIssuer;
import com.pltfrms.iam.oauth.token.IssuedToken;
import com.pltfrms.iam.shared.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The client-credentials grant: a client registered for it (every service client; a web client that
 * lists it) gets a token for itself, its subject the client's stable id; any other client is {@code
 * unauthorized_client} (RFC 6749 §5.2). The requested scope must be a subset of the client's
 * allowed scopes; without {@code scope}, all of them are granted (the "pre-defined default value"
 * of RFC 6749 §3.3). No refresh token (§4.4.3).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4">RFC 6749 §4.4</a>
 */
@ApplicationScoped
public class ClientCredentialsGrantHandler implements GrantHandler<ClientCredentialsRequest> {

  public static final String GRANT_TYPE = "client_credentials";

  private AccessTokenIssuer issuer;
  private Event<AuditEvent> audit;
  private EffectiveAccessService access;

  protected ClientCredentialsGrantHandler() {}

  @Inject
  public ClientCredentialsGrantHandler(
      AccessTokenIssuer issuer, Event<AuditEvent> audit, EffectiveAccessService access) {
    this.issuer = issuer;
    this.audit = audit;
    this.access = access;
  }

  /** The token's view of the client's effective access (computed once, cached). */
  static AccessClaims claims(EffectiveAccess effective) {
    return new AccessClaims(
        effective.realmRoleNames(), effective.clientRoleNames(), effective.permissionNames());
  }

  @Override
  public String grantType() {
    return GRANT_TYPE;
  }

  @Override
  public ClientCredentialsRequest parse(FormParameters form) {
    return ClientCredentialsRequest.parse(form);
  }

  @Override
  public TokenResponse handle(GrantContext context, ClientCredentialsRequest request) {
    ClientSnapshot client = context.client();
    Grants.requireRegistered(client, GrantType.CLIENT_CREDENTIALS);
    Scope granted = Grants.granted(client, request.scope());
    IssuedToken token =
        issuer.issue(
            context.realm(),
            context.issuer(),
            client.id(),
            client.clientId(),
            granted,
            claims(access.of(AccessPrincipal.serviceClient(client.realmId(), client.id()))),
            client.accessTokenLifetime(context.realm().accessTokenLifetimeSeconds()));
    audit.fire(
        new AuditEvent(
            context.realm().id(),
            context.realm().name(),
            AuditEventTypes.TOKEN_ISSUED,
            Actor.client(client.id(), client.clientId()),
            client.clientId(),
            true,
            Map.of("grantType", GRANT_TYPE, "scope", granted.value(), "jti", token.jti())));
    return new TokenResponse(token.value(), "Bearer", token.expiresIn(), granted);
  }
}
