package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.grant.RefreshTokenRepository.OfflineGrant;
import com.pltfrms.iam.oauth.grant.RefreshTokenRepository.StoredRefresh;
import com.pltfrms.iam.realm.LoginSettings;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.OpaqueTokens;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Issues, rotates and finds refresh tokens (RFC 6749 §1.5, §6): 256 random bits, stored only as
 * their SHA-256, bound to client, user, session, scopes and {@code auth_time} ({@link
 * RefreshBinding}), each in the token family of the code it descends from.
 *
 * <p>Every use rotates, for every client type (RFC 9700 §4.14.2): the presented token is consumed
 * by a conditional UPDATE and its successor inserted in the same transaction, so of concurrent uses
 * exactly one wins. Presenting a consumed token again is reuse: the whole family is revoked, every
 * refresh and access token descended from the code. There is no grace period for a client retrying
 * a lost response: within it an attacker holding a stolen token would be indistinguishable from the
 * client, so a lost response costs the user a new sign-in (or, with SSO, a redirect) instead.
 *
 * <p>Lifetimes: a token dies when unused for the idle lifetime, and no token of the family lives
 * past the maximum counted from the code exchange. For a session-bound token these are the realm's
 * SSO session idle and maximum (Keycloak's defaults too: 30 min, 10 h), and the session's own end
 * ends it sooner; for an offline one (OIDC Core §11) the realm's offline lifetimes (30 and 60
 * days). A client's own lifetimes ({@link com.pltfrms.iam.oauth.client.RefreshLifetimes}) only
 * shorten them.
 */
@ApplicationScoped
public class RefreshTokens {

  /** Consumed and expired tokens are kept this long to recognise reuse, then swept. */
  public static final Duration KEPT = Duration.ofDays(1);

  private RefreshTokenRepository tokens;
  private AuthorizationCodeRepository families;
  private UseCase useCase;
  private Clock clock;

  protected RefreshTokens() {}

  @Inject
  public RefreshTokens(
      RefreshTokenRepository tokens,
      AuthorizationCodeRepository families,
      UseCase useCase,
      Clock clock) {
    this.tokens = tokens;
    this.families = families;
    this.useCase = useCase;
    this.clock = clock;
  }

  /** A token's idle and maximum lifetime for this realm and client. */
  record Lifetimes(Duration idle, Duration max) {

    static Lifetimes of(RealmSnapshot realm, ClientSnapshot client, boolean offline) {
      LoginSettings login = realm.login();
      int idle = offline ? login.offlineSessionIdleSeconds() : login.ssoSessionIdleSeconds();
      int max = offline ? login.offlineSessionMaxSeconds() : login.ssoSessionMaxSeconds();
      return new Lifetimes(
          Duration.ofSeconds(client.refreshLifetimes().idle(idle)),
          Duration.ofSeconds(client.refreshLifetimes().max(max)));
    }
  }

  /** An issued token, shown this once. */
  public record Issued(String token, String id, Instant expiresAt) {
    @Override
    public String toString() {
      return "Issued[" + id + "]";
    }
  }

  /**
   * The first refresh token of a family, at the code exchange; in the caller's transaction when
   * there is one.
   */
  public Issued issueFirst(RealmSnapshot realm, ClientSnapshot client, RefreshBinding binding) {
    Instant now = clock.instant();
    Lifetimes lifetimes = Lifetimes.of(realm, client, binding.offline());
    Instant familyEnd = now.plus(lifetimes.max());
    Instant expires = min(now.plus(lifetimes.idle()), familyEnd);
    String token = OpaqueTokens.generate();
    String id = UUID.randomUUID().toString();
    useCase.execute(
        () -> tokens.addFirst(OpaqueTokens.hash(token), id, binding, now, expires, familyEnd));
    return new Issued(token, id, expires);
  }

  /**
   * Uses {@code token} of the client: consumes it and, when {@code decide} lets it, inserts its
   * successor, in one transaction. A refusal un-does the consumption (nothing is half-written); a
   * token consumed before is reuse, which revokes its family.
   */
  public RefreshUse rotate(
      RealmSnapshot realm,
      ClientSnapshot client,
      String token,
      Function<StoredRefresh, RefreshDecision> decide) {
    if (!OpaqueTokens.wellFormed(token)) {
      return new RefreshUse.Invalid();
    }
    String hash = OpaqueTokens.hash(token);
    Instant now = clock.instant();
    return useCase.run(
        () -> {
          Optional<StoredRefresh> won = tokens.consume(realm.id(), hash, client.id(), now);
          if (won.isEmpty()) {
            return lost(realm.id(), hash, client, now);
          }
          StoredRefresh used = won.get();
          RefreshDecision decision = decide.apply(used);
          if (decision instanceof RefreshDecision.Refuse refuse) {
            tokens.unconsume(realm.id(), hash);
            return new RefreshUse.Refused(refuse.error(), refuse.why());
          }
          RefreshBinding next = ((RefreshDecision.Rotate) decision).binding();
          Lifetimes lifetimes = Lifetimes.of(realm, client, next.offline());
          Instant expires = min(now.plus(lifetimes.idle()), used.familyExpiresAt());
          String successor = OpaqueTokens.generate();
          tokens.addRotated(
              OpaqueTokens.hash(successor), UUID.randomUUID().toString(), next, now, expires);
          return new RefreshUse.Rotated(used, next, successor, expires);
        });
  }

  /** Why a token of the client could not be consumed: reuse (its family then revoked), or not. */
  private RefreshUse lost(String realmId, String hash, ClientSnapshot client, Instant now) {
    Optional<StoredRefresh> stored = tokens.find(realmId, hash);
    if (stored.isEmpty() || !stored.get().binding().clientId().equals(client.id())) {
      return new RefreshUse.Invalid();
    }
    if (stored.get().consumedAt() != null && !stored.get().familyRevoked()) {
      families.revokeFamily(stored.get().binding().familyId(), "refresh-token-reused", now);
      return new RefreshUse.Reused(stored.get().binding().familyId());
    }
    return new RefreshUse.Invalid();
  }

  /** The stored token of the realm, in whatever state it is, for introspection and revocation. */
  public Optional<StoredRefresh> find(String realmId, String token) {
    if (!OpaqueTokens.wellFormed(token)) {
      return Optional.empty();
    }
    return useCase.run(() -> tokens.find(realmId, OpaqueTokens.hash(token)));
  }

  /** The user's live offline grants, newest first. */
  public List<OfflineGrant> offlineGrants(String realmId, String userId) {
    return useCase.run(() -> tokens.offlineGrantsOf(realmId, userId, clock.instant()));
  }

  /** Deletes tokens that expired more than {@link #KEPT} ago; how many. */
  public int sweep() {
    return useCase.run(() -> tokens.deleteExpiredBefore(clock.instant().minus(KEPT)));
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
