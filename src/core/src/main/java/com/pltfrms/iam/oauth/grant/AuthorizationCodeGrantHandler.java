package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.access.AccessPrincipal;
import com.pltfrms.iam.access.EffectiveAccessService;
import com.pltfrms.iam.access.GroupService;
import com.pltfrms.iam.access.GroupSnapshot;
import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.identity.IdentitySettingsService;
import com.pltfrms.iam.identity.UserService;
import com.pltfrms.iam.identity.UserSnapshot;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.protocol.AuthorizationRequest;
import com.pltfrms.iam.oauth.protocol.ClaimsRequest;
import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.GrantType;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.protocol.Pkce;
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
 * The authorization code grant at the token endpoint (RFC 6749 §4.1.3, OIDC Core §3.1.3). The
 * client authenticates as its type requires (a public one by {@code client_id} alone); the code is
 * redeemed once ({@link AuthorizationCodes}); it must have been issued to this client, for this
 * {@code redirect_uri} exactly (OIDC Core §3.1.3.2), and the {@code code_verifier} must match its
 * S256 challenge, a verifier without a challenge or a challenge without a verifier being refused
 * too (RFC 7636 §4.6; RFC 9700 §2.1.1 against downgrades). Every refusal is {@code invalid_grant};
 * a redeemed code whose request then fails has its family revoked, as a replay has. The answer is
 * an access token for the user and, for {@code openid}, an ID token signed by the same key.
 */
@ApplicationScoped
public class AuthorizationCodeGrantHandler implements GrantHandler<CodeRequest> {

  public static final String GRANT_TYPE = GrantType.AUTHORIZATION_CODE.value();

  private AuthorizationCodes codes;
  private AccessTokenIssuer accessTokens;
  private IdTokenIssuer idTokens;
  private EffectiveAccessService access;
  private UserService users;
  private IdentitySettingsService settings;
  private GroupService groups;
  private Event<AuditEvent> audit;

  protected AuthorizationCodeGrantHandler() {}

  @Inject
  public AuthorizationCodeGrantHandler(
      AuthorizationCodes codes,
      AccessTokenIssuer accessTokens,
      IdTokenIssuer idTokens,
      EffectiveAccessService access,
      UserService users,
      IdentitySettingsService settings,
      GroupService groups,
      Event<AuditEvent> audit) {
    this.codes = codes;
    this.accessTokens = accessTokens;
    this.idTokens = idTokens;
    this.access = access;
    this.users = users;
    this.settings = settings;
    this.groups = groups;
    this.audit = audit;
  }

  @Override
  public String grantType() {
    return GRANT_TYPE;
  }

  @Override
  public CodeRequest parse(FormParameters form) {
    return CodeRequest.parse(form);
  }

  @Override
  public TokenResponse handle(GrantContext context, CodeRequest request) {
    ClientSnapshot client = context.client();
    Grants.requireRegistered(client, GrantType.AUTHORIZATION_CODE);
    CodeRedemption redemption = codes.redeem(context.realm().id(), request.code());
    if (redemption instanceof CodeRedemption.Replayed replayed) {
      refused(context, "code replayed; its tokens are revoked", replayed.familyId());
      throw new OAuthProblem(OAuthError.INVALID_GRANT, "the code was used before");
    }
    if (!(redemption instanceof CodeRedemption.Redeemed redeemed)) {
      throw new OAuthProblem(OAuthError.INVALID_GRANT, "the code is not valid");
    }
    CodeBinding binding = redeemed.binding();
    String mismatch = mismatch(client, binding, request);
    if (mismatch != null) {
      codes.revokeFamily(redeemed.familyId(), "exchange-refused");
      refused(context, mismatch, redeemed.familyId());
      throw new OAuthProblem(OAuthError.INVALID_GRANT, mismatch);
    }
    UserSnapshot user =
        users
            .findEnabled(context.realm().id(), binding.userId())
            .orElseThrow(
                () -> new OAuthProblem(OAuthError.INVALID_GRANT, "the user cannot sign in"));
    Scope scope = Scope.parse(binding.scope());
    IssuedToken accessToken =
        accessTokens.issue(
            context.realm(),
            context.issuer(),
            user.id(),
            client.clientId(),
            scope,
            userClaims(context, user, scope),
            client.accessTokenLifetime(context.realm().accessTokenLifetimeSeconds()),
            new SessionClaims(
                binding.sessionId(), binding.authTime(), binding.acr(), redeemed.familyId()));
    String idToken = null;
    if (scope.tokens().contains(AuthorizationRequest.OPENID)) {
      idToken =
          idTokens.issue(
              context.realm(),
              new IdTokenContent(
                  context.issuer(),
                  user.id(),
                  client.clientId(),
                  binding.authTime(),
                  binding.nonce(),
                  binding.acr(),
                  binding.amr(),
                  binding.sessionId(),
                  accessToken.value(),
                  idTokenClaims(context, user, binding, scope),
                  accessToken.expiresIn()));
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put("grantType", GRANT_TYPE);
    details.put("scope", scope.value());
    details.put("jti", accessToken.jti());
    details.put("idToken", Boolean.toString(idToken != null));
    audit.fire(
        new AuditEvent(
            context.realm().id(),
            context.realm().name(),
            AuditEventTypes.TOKEN_ISSUED,
            Actor.user(user.id(), user.fields().username()),
            client.clientId(),
            true,
            details));
    return new TokenResponse(
        accessToken.value(), "Bearer", accessToken.expiresIn(), scope, idToken);
  }

  /**
   * The user's effective access, and the {@code groups} and {@code organization} claims when the
   * scopes of those names were granted (issue 7 point 11; bounded, see {@link AccessClaims}).
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

  /** Why the redeemed code does not fit this request, or null when it does. */
  static String mismatch(ClientSnapshot client, CodeBinding binding, CodeRequest request) {
    if (!binding.clientId().equals(client.id())) {
      return "the code was issued to another client";
    }
    if (!binding.redirectUri().equals(request.redirectUri())) {
      return "redirect_uri differs from the authorization request's";
    }
    if (binding.codeChallenge() == null) {
      return request.codeVerifier() == null ? null : "code_verifier sent without a challenge";
    }
    if (request.codeVerifier() == null) {
      return "code_verifier is missing (PKCE)";
    }
    return Pkce.verifies(binding.codeChallenge(), request.codeVerifier())
        ? null
        : "code_verifier does not match the challenge";
  }

  /**
   * The user's claims in the ID token: those the {@code claims} request asked for in it (OIDC Core
   * §5.5), and, when the realm's {@code scopeClaimsInIdToken} says so, the granted scopes' claims
   * (§5.4; without the setting they come from UserInfo, as an access token is always issued).
   */
  private Map<String, Object> idTokenClaims(
      GrantContext context, UserSnapshot user, CodeBinding binding, Scope scope) {
    Set<String> requested = ClaimsRequest.stored(binding.claims()).idToken().keySet();
    Set<String> scopes = context.realm().login().scopeClaimsInIdToken() ? scope.tokens() : Set.of();
    if (requested.isEmpty() && scopes.isEmpty()) {
      return Map.of();
    }
    return UserClaims.of(user, scopes, requested, settings.userProfile(context.realm()).value());
  }

  private void refused(GrantContext context, String why, String familyId) {
    audit.fire(
        new AuditEvent(
            context.realm().id(),
            context.realm().name(),
            AuditEventTypes.TOKEN_FAMILY_REVOKED,
            Actor.client(context.client().id(), context.client().clientId()),
            familyId,
            true,
            Map.of("grantType", GRANT_TYPE, "reason", why)));
  }
}
