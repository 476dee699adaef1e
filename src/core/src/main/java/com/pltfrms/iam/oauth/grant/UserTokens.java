package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.access.AccessPrincipal;
import com.pltfrms.iam.access.EffectiveAccessService;
import com.pltfrms.iam.access.GroupService;
import com.pltfrms.iam.access.GroupSnapshot;
import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.identity.IdentitySettingsService;
import com.pltfrms.iam.identity.UserSnapshot;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.protocol.AuthorizationRequest;
import com.pltfrms.iam.oauth.protocol.ClaimsRequest;
import com.pltfrms.iam.oauth.protocol.Scope;
import com.pltfrms.iam.oauth.protocol.TokenResponse;
import com.pltfrms.iam.oauth.token.AccessClaims;
import com.pltfrms.iam.oauth.token.AccessTokenIssuer;
import com.pltfrms.iam.oauth.token.IdTokenContent;
import com.pltfrms.iam.oauth.token.IdTokenIssuer;
import com.pltfrms.iam.oauth.token.IssuedToken;
import com.pltfrms.iam.oauth.token.SessionClaims;
import com.pltfrms.iam.oidc.UserClaims;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The tokens of a user's grant, as the code exchange (OIDC Core §3.1.3.3) and a refresh (§12.2)
 * both answer them: an access token carrying the user's live effective access, for {@code openid}
 * an ID token signed by the same key, and the audit event saying so.
 */
@ApplicationScoped
class UserTokens {

  private AccessTokenIssuer accessTokens;
  private IdTokenIssuer idTokens;
  private EffectiveAccessService access;
  private IdentitySettingsService settings;
  private GroupService groups;
  private Event<AuditEvent> audit;

  protected UserTokens() {}

  @Inject
  UserTokens(
      AccessTokenIssuer accessTokens,
      IdTokenIssuer idTokens,
      EffectiveAccessService access,
      IdentitySettingsService settings,
      GroupService groups,
      Event<AuditEvent> audit) {
    this.accessTokens = accessTokens;
    this.idTokens = idTokens;
    this.access = access;
    this.settings = settings;
    this.groups = groups;
    this.audit = audit;
  }

  /**
   * The access token (and ID token) of {@code grant} for {@code user}, with {@code refreshToken}
   * (or none) in the response; audited with {@code details} added.
   */
  TokenResponse issue(
      GrantContext context,
      UserSnapshot user,
      UserGrant grant,
      String grantType,
      String refreshToken,
      Map<String, String> details) {
    ClientSnapshot client = context.client();
    Scope scope = grant.scope();
    IssuedToken accessToken =
        accessTokens.issue(
            context.realm(),
            context.issuer(),
            user.id(),
            client.clientId(),
            scope,
            userClaims(context, user, scope),
            client.accessTokenLifetime(context.realm().accessTokenLifetimeSeconds()),
            new SessionClaims(grant.sessionId(), grant.authTime(), grant.acr(), grant.familyId()));
    String idToken = null;
    if (scope.tokens().contains(AuthorizationRequest.OPENID)) {
      idToken =
          idTokens.issue(
              context.realm(),
              new IdTokenContent(
                  context.issuer(),
                  user.id(),
                  client.clientId(),
                  grant.authTime(),
                  grant.nonce(),
                  grant.acr(),
                  grant.amr(),
                  grant.sessionId(),
                  accessToken.value(),
                  idTokenClaims(context, user, grant),
                  accessToken.expiresIn()));
    }
    Map<String, String> all = new LinkedHashMap<>();
    all.put("grantType", grantType);
    all.put("scope", scope.value());
    all.put("jti", accessToken.jti());
    all.put("idToken", Boolean.toString(idToken != null));
    all.putAll(details);
    audit.fire(
        new AuditEvent(
            context.realm().id(),
            context.realm().name(),
            AuditEventTypes.TOKEN_ISSUED,
            Actor.user(user.id(), user.fields().username()),
            client.clientId(),
            true,
            all));
    return new TokenResponse(
        accessToken.value(), "Bearer", accessToken.expiresIn(), scope, idToken, refreshToken);
  }

  /**
   * The user's effective access, and the {@code groups} and {@code organization} claims when the
   * scopes of those names were granted (bounded, see {@link AccessClaims}).
   */
  private AccessClaims userClaims(GrantContext context, UserSnapshot user, Scope scope) {
    AccessPrincipal principal = AccessPrincipal.user(context.realm().id(), user.id());
    AccessClaims claims = ClientCredentialsGrantHandler.claims(access.of(principal));
    if (scope.tokens().contains("groups")) {
      claims =
          claims.withGroups(
              groups
                  .groupsOf(
                      context.realm(), user.id(), new PageRequest(0, AccessClaims.MAX_GROUPS + 1))
                  .items()
                  .stream()
                  .map(GroupSnapshot::path)
                  .toList());
    }
    if (scope.tokens().contains("organization")) {
      Map<String, Map<String, Object>> byAlias = new LinkedHashMap<>();
      access
          .organisations(principal)
          .forEach(
              (alias, grant) ->
                  byAlias.put(alias, Map.of("id", grant.organisationId(), "roles", grant.roles())));
      claims = claims.withOrganizations(byAlias);
    }
    return claims;
  }

  /**
   * The user's claims in the ID token: those the {@code claims} request asked for in it (OIDC Core
   * §5.5), and, when the realm's {@code scopeClaimsInIdToken} says so, the granted scopes' claims
   * (§5.4; without the setting they come from UserInfo, as an access token is always issued).
   */
  private Map<String, Object> idTokenClaims(
      GrantContext context, UserSnapshot user, UserGrant grant) {
    Set<String> requested = ClaimsRequest.stored(grant.claims()).idToken().keySet();
    Set<String> scopes =
        context.realm().login().scopeClaimsInIdToken() ? grant.scope().tokens() : Set.of();
    if (requested.isEmpty() && scopes.isEmpty()) {
      return Map.of();
    }
    return UserClaims.of(user, scopes, requested, settings.userProfile(context.realm()).value());
  }
}
