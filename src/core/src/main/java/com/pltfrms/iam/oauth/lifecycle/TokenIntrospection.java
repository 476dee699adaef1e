package com.pltfrms.iam.oauth.lifecycle;

import com.pltfrms.iam.identity.UserService;
import com.pltfrms.iam.identity.UserSnapshot;
import com.pltfrms.iam.oauth.client.ClientDirectory;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.client.ClientType;
import com.pltfrms.iam.oauth.grant.AuthorizationCodes;
import com.pltfrms.iam.oauth.grant.RefreshBinding;
import com.pltfrms.iam.oauth.grant.RefreshTokenRepository.StoredRefresh;
import com.pltfrms.iam.oauth.grant.RefreshTokens;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.token.AccessTokenVerifier;
import com.pltfrms.iam.oauth.token.VerifiedToken;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Token introspection (RFC 7662): whether a token is active, and what it says, decided from live
 * state. The caller must be a client that authenticates (a public client cannot, §2.1: {@code
 * invalid_client}); it sees the tokens issued to it, and a client flagged {@code
 * introspectionAllowed} (a resource server) sees every token of its realm. An access token is
 * active when it verifies ({@link AccessTokenVerifier}: signature, issuer, audience, expiry, not
 * revoked), its client is enabled, its family (if any) not revoked and its user enabled; a refresh
 * token when it is unconsumed, unexpired, its family live, its user enabled and (unless offline)
 * its session alive. Anything else, including a token the caller may not see, is {@code {"active":
 * false}} and nothing more (§2.2), so the answer tells nothing of other clients' tokens.
 */
@ApplicationScoped
public class TokenIntrospection {

  /** The {@code token_type} of refresh tokens in answers (RFC 7662 §2.2 leaves it open). */
  public static final String REFRESH_TOKEN_TYPE = "refresh_token";

  private AccessTokenVerifier verifier;
  private RefreshTokens refreshTokens;
  private AuthorizationCodes codes;
  private ClientDirectory clients;
  private UserService users;
  private SessionService sessions;
  private Clock clock;

  protected TokenIntrospection() {}

  @Inject
  public TokenIntrospection(
      AccessTokenVerifier verifier,
      RefreshTokens refreshTokens,
      AuthorizationCodes codes,
      ClientDirectory clients,
      UserService users,
      SessionService sessions,
      Clock clock) {
    this.verifier = verifier;
    this.refreshTokens = refreshTokens;
    this.codes = codes;
    this.clients = clients;
    this.users = users;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** The introspection response for {@code presented}, asked by {@code caller}. */
  public Map<String, Object> introspect(
      RealmSnapshot realm, String issuer, ClientSnapshot caller, PresentedToken presented) {
    if (caller.type() == ClientType.PUBLIC) {
      throw new OAuthProblem(
          OAuthError.INVALID_CLIENT, "introspection needs a client that authenticates");
    }
    Optional<Map<String, Object>> answer =
        presented.looksLikeJwt()
            ? accessToken(realm, issuer, caller, presented.token())
            : refreshToken(realm, issuer, caller, presented.token());
    return answer.orElseGet(PresentedToken::inactive);
  }

  private Optional<Map<String, Object>> accessToken(
      RealmSnapshot realm, String issuer, ClientSnapshot caller, String token) {
    VerifiedToken verified;
    try {
      verified = verifier.verify(token, issuer);
    } catch (OAuthProblem e) {
      return Optional.empty();
    }
    // the verifier allows 30 s of skew for resource servers; introspection answers the exp it
    // states (RFC 7662 §2.2: active means not expired)
    if (verified.expiresAt() <= clock.instant().getEpochSecond()
        || !verified.realmName().equals(realm.name())
        || !maySee(caller, verified.clientId())) {
      return Optional.empty();
    }
    Optional<ClientSnapshot> owner =
        clients.find(realm.id(), verified.clientId()).filter(ClientSnapshot::enabled);
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    String username;
    if (verified.subject().equals(owner.get().id())) {
      username = "service-account-" + owner.get().clientId();
    } else {
      if (verified.familyId() != null
          && codes.liveFamily(realm.id(), verified.familyId()).isEmpty()) {
        return Optional.empty();
      }
      Optional<UserSnapshot> user = users.findEnabled(realm.id(), verified.subject());
      if (user.isEmpty()) {
        return Optional.empty();
      }
      username = user.get().fields().username();
    }
    Map<String, Object> active = new LinkedHashMap<>();
    active.put("active", true);
    putIfSet(active, "scope", verified.scope());
    active.put("client_id", verified.clientId());
    active.put("username", username);
    active.put("token_type", "Bearer");
    active.put("exp", verified.expiresAt());
    active.put("iat", verified.issuedAt());
    active.put("nbf", verified.issuedAt());
    active.put("sub", verified.subject());
    active.put(
        "aud", verified.audience().size() == 1 ? verified.audience().get(0) : verified.audience());
    active.put("iss", issuer);
    active.put("jti", verified.jti());
    putIfSet(active, "sid", verified.sessionId());
    return Optional.of(active);
  }

  private Optional<Map<String, Object>> refreshToken(
      RealmSnapshot realm, String issuer, ClientSnapshot caller, String token) {
    Optional<StoredRefresh> found = refreshTokens.find(realm.id(), token);
    Instant now = clock.instant();
    if (found.isEmpty()
        || !found.get().liveAt(now)
        || !maySeeById(caller, found.get().binding().clientId())) {
      return Optional.empty();
    }
    StoredRefresh stored = found.get();
    RefreshBinding binding = stored.binding();
    Optional<UserSnapshot> user = users.findEnabled(realm.id(), binding.userId());
    if (user.isEmpty()
        || (!binding.offline() && !sessions.live(realm, binding.sessionId()))
        || clients
            .find(realm.id(), stored.clientName())
            .filter(ClientSnapshot::enabled)
            .isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> active = new LinkedHashMap<>();
    active.put("active", true);
    active.put("scope", binding.scope());
    active.put("client_id", stored.clientName());
    active.put("username", user.get().fields().username());
    active.put("token_type", REFRESH_TOKEN_TYPE);
    active.put("exp", stored.expiresAt().getEpochSecond());
    active.put("iat", stored.createdAt().getEpochSecond());
    active.put("nbf", stored.createdAt().getEpochSecond());
    active.put("sub", binding.userId());
    active.put("aud", issuer);
    active.put("iss", issuer);
    active.put("jti", stored.id());
    putIfSet(active, "sid", binding.sessionId());
    if (binding.offline()) {
      active.put("offline", true);
    }
    return Optional.of(active);
  }

  private static boolean maySee(ClientSnapshot caller, String tokenClientId) {
    return caller.introspectionAllowed() || caller.clientId().equals(tokenClientId);
  }

  private static boolean maySeeById(ClientSnapshot caller, String tokenClientUuid) {
    return caller.introspectionAllowed() || caller.id().equals(tokenClientUuid);
  }

  private static void putIfSet(Map<String, Object> json, String name, String value) {
    if (value != null && !value.isEmpty()) {
      json.put(name, value);
    }
  }
}
