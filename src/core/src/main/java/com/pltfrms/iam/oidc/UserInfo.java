package com.pltfrms.iam.oidc;

import com.pltfrms.iam.identity.IdentitySettingsService;
import com.pltfrms.iam.identity.UserService;
import com.pltfrms.iam.identity.UserSnapshot;
import com.pltfrms.iam.oauth.client.ClientDirectory;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.grant.AuthorizationCodeRepository.LiveFamily;
import com.pltfrms.iam.oauth.grant.AuthorizationCodes;
import com.pltfrms.iam.oauth.protocol.ClaimsRequest;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.protocol.Scope;
import com.pltfrms.iam.oauth.token.AccessTokenVerifier;
import com.pltfrms.iam.oauth.token.VerifiedToken;
import com.pltfrms.iam.realm.RealmSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The UserInfo endpoint's answer (OIDC Core §5.3): the claims of the user an access token was
 * issued for, by its granted scopes, decided from live state. The token must verify as one of this
 * realm's access tokens, carry the {@code openid} scope (else {@code insufficient_scope}), and name
 * an enabled user of the realm through an enabled client, and belong to a token family that is not
 * revoked (else {@code invalid_token}, RFC 6750 §3.1): disabling the user or the client, or
 * replaying the code the token came from, ends what its tokens can read at once. Claims the
 * authorization request asked for with the {@code claims} parameter's {@code userinfo} member
 * (§5.5) are answered too.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#UserInfo">OIDC Core §5.3</a>
 */
@ApplicationScoped
public class UserInfo {

  private AccessTokenVerifier verifier;
  private UserService users;
  private ClientDirectory clients;
  private IdentitySettingsService settings;
  private AuthorizationCodes codes;

  protected UserInfo() {}

  @Inject
  public UserInfo(
      AccessTokenVerifier verifier,
      UserService users,
      ClientDirectory clients,
      IdentitySettingsService settings,
      AuthorizationCodes codes) {
    this.verifier = verifier;
    this.users = users;
    this.clients = clients;
    this.settings = settings;
    this.codes = codes;
  }

  /** The claims for {@code accessToken}, {@code sub} first. */
  public Map<String, Object> claims(RealmSnapshot realm, String issuer, String accessToken) {
    VerifiedToken token = verifier.verify(accessToken, issuer);
    if (!token.realmName().equals(realm.name())) {
      throw invalid();
    }
    Scope scope = scopeOf(token);
    if (!scope.tokens().contains("openid")) {
      throw new OAuthProblem(
          OAuthError.INSUFFICIENT_SCOPE, "the access token was not granted the openid scope");
    }
    clients
        .find(realm.id(), token.clientId())
        .filter(ClientSnapshot::enabled)
        .orElseThrow(UserInfo::invalid);
    Set<String> requested = Set.of();
    if (token.familyId() != null) {
      LiveFamily family =
          codes.liveFamily(realm.id(), token.familyId()).orElseThrow(UserInfo::invalid);
      requested = ClaimsRequest.stored(family.claims()).userinfo().keySet();
    }
    UserSnapshot user =
        users.findEnabled(realm.id(), token.subject()).orElseThrow(UserInfo::invalid);
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", user.id());
    claims.putAll(
        UserClaims.of(user, scope.tokens(), requested, settings.userProfile(realm).value()));
    return claims;
  }

  private static Scope scopeOf(VerifiedToken token) {
    try {
      return Scope.parse(token.scope());
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static OAuthProblem invalid() {
    return new OAuthProblem(OAuthError.INVALID_TOKEN, "the access token is not valid");
  }
}
