package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.identity.UserService;
import com.pltfrms.iam.identity.UserSnapshot;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.consent.ConsentService;
import com.pltfrms.iam.oauth.grant.RefreshTokenRepository.StoredRefresh;
import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.GrantType;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.protocol.Scope;
import com.pltfrms.iam.oauth.protocol.TokenResponse;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.session.SessionService;
import com.pltfrms.iam.shared.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * The refresh token grant (RFC 6749 §6; OIDC Core §12). The token must be a live one of the
 * authenticated client; it is rotated ({@link RefreshTokens}): the answer carries its successor, a
 * new access token and, for {@code openid}, a new ID token with the same {@code sub}, {@code
 * auth_time} and {@code sid} and no {@code nonce} (§12.2). Live state decides, at every refresh:
 * the user must still be enabled, a session-bound token's SSO session still alive (the refresh
 * counts as a use of it), the consent the client needs still given; {@code scope} may narrow the
 * grant ({@code invalid_scope} when it would widen it). Presenting a used token again is reuse:
 * {@code invalid_grant}, its family revoked, and an audit event saying so.
 */
@ApplicationScoped
public class RefreshTokenGrantHandler implements GrantHandler<RefreshRequest> {

  public static final String GRANT_TYPE = GrantType.REFRESH_TOKEN.value();

  private RefreshTokens refreshTokens;
  private UserTokens userTokens;
  private UserService users;
  private SessionService sessions;
  private ConsentService consents;
  private Event<AuditEvent> audit;

  protected RefreshTokenGrantHandler() {}

  @Inject
  public RefreshTokenGrantHandler(
      RefreshTokens refreshTokens,
      UserTokens userTokens,
      UserService users,
      SessionService sessions,
      ConsentService consents,
      Event<AuditEvent> audit) {
    this.refreshTokens = refreshTokens;
    this.userTokens = userTokens;
    this.users = users;
    this.sessions = sessions;
    this.consents = consents;
    this.audit = audit;
  }

  @Override
  public String grantType() {
    return GRANT_TYPE;
  }

  @Override
  public RefreshRequest parse(FormParameters form) {
    return RefreshRequest.parse(form);
  }

  @Override
  public TokenResponse handle(GrantContext context, RefreshRequest request) {
    ClientSnapshot client = context.client();
    Grants.requireRegistered(client, GrantType.REFRESH_TOKEN);
    RealmSnapshot realm = context.realm();
    UserSnapshot[] user = new UserSnapshot[1];
    RefreshUse use =
        refreshTokens.rotate(
            realm,
            client,
            request.refreshToken(),
            stored -> {
              Optional<UserSnapshot> found =
                  users.findEnabled(realm.id(), stored.binding().userId());
              user[0] = found.orElse(null);
              return decide(realm, client, stored, request, found.isPresent());
            });
    if (use instanceof RefreshUse.Reused reused) {
      audit.fire(
          new AuditEvent(
              realm.id(),
              realm.name(),
              AuditEventTypes.TOKEN_FAMILY_REVOKED,
              Actor.client(client.id(), client.clientId()),
              reused.familyId(),
              true,
              Map.of("grantType", GRANT_TYPE, "reason", "refresh token reused")));
      throw new OAuthProblem(OAuthError.INVALID_GRANT, "the refresh token was used before");
    }
    if (use instanceof RefreshUse.Refused refused) {
      throw new OAuthProblem(refused.error(), refused.why());
    }
    if (!(use instanceof RefreshUse.Rotated rotated)) {
      throw new OAuthProblem(OAuthError.INVALID_GRANT, "the refresh token is not valid");
    }
    RefreshBinding binding = rotated.binding();
    return userTokens.issue(
        context,
        user[0],
        new UserGrant(
            binding.sessionId(),
            binding.authTime(),
            binding.acr(),
            binding.amr(),
            binding.familyId(),
            Scope.parse(binding.scope()),
            rotated.used().claims(),
            null),
        GRANT_TYPE,
        rotated.token(),
        Map.of("refreshToken", rotated.used().id()));
  }

  /** Whether the consumed token may be rotated, from live state (see the class comment). */
  private RefreshDecision decide(
      RealmSnapshot realm,
      ClientSnapshot client,
      StoredRefresh stored,
      RefreshRequest request,
      boolean userEnabled) {
    RefreshBinding binding = stored.binding();
    if (!userEnabled) {
      return new RefreshDecision.Refuse(OAuthError.INVALID_GRANT, "the user cannot sign in");
    }
    Scope granted = Scope.parse(binding.scope());
    Scope scope = request.scope().orElse(granted);
    if (!scope.isSubsetOf(granted)) {
      return new RefreshDecision.Refuse(
          OAuthError.INVALID_SCOPE, "scope may narrow the grant, never widen it (RFC 6749 §6)");
    }
    if (!binding.offline()
        && (binding.sessionId() == null
            || sessions.useById(realm, binding.sessionId()).isEmpty())) {
      return new RefreshDecision.Refuse(OAuthError.INVALID_GRANT, "the session has ended");
    }
    if (consents.needed(realm, binding.userId(), client, granted, false)) {
      return new RefreshDecision.Refuse(
          OAuthError.INVALID_GRANT, "the user no longer consents to this client");
    }
    return new RefreshDecision.Rotate(binding.withScope(scope.value()));
  }
}
