package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.shared.OpaqueTokens;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and redeems authorization codes (RFC 6749 §4.1.2): 256 random bits, stored only as their
 * SHA-256, valid for {@link #LIFETIME}, redeemable once. The first redemption consumes the code
 * with a conditional UPDATE, so of concurrent redemptions exactly one wins; any later one is a
 * replay, which revokes the code's token family ("the authorization server … SHOULD revoke (when
 * possible) all tokens previously issued based on that authorization code", RFC 6749 §4.1.2).
 */
@ApplicationScoped
public class AuthorizationCodes {

  /** How long a code may be redeemed: a minute, as RFC 6749 §4.1.2 recommends at most 10. */
  public static final Duration LIFETIME = Duration.ofSeconds(60);

  /** Consumed and expired codes are kept this long to recognise a replay, then swept. */
  public static final Duration KEPT = Duration.ofDays(1);

  private AuthorizationCodeRepository codes;
  private UseCase useCase;
  private Clock clock;
  private FamilyDirectory families;

  protected AuthorizationCodes() {}

  @Inject
  public AuthorizationCodes(
      AuthorizationCodeRepository codes, UseCase useCase, Clock clock, FamilyDirectory families) {
    this.codes = codes;
    this.useCase = useCase;
    this.clock = clock;
    this.families = families;
  }

  /** A new code for {@code binding}, in a token family of its own; the code is shown this once. */
  public String issue(CodeBinding binding) {
    return issue(binding, () -> {});
  }

  /**
   * A new code for {@code binding}, with {@code alsoInTransaction} (e.g. noting the session's
   * client) done in the same transaction: one commit for both.
   */
  public String issue(CodeBinding binding, Runnable alsoInTransaction) {
    String code = OpaqueTokens.generate();
    String familyId = UUID.randomUUID().toString();
    Instant now = clock.instant();
    useCase.execute(
        () -> {
          codes.add(OpaqueTokens.hash(code), familyId, binding, now, now.plus(LIFETIME));
          alsoInTransaction.run();
        });
    return code;
  }

  /**
   * Redeems {@code code} of the realm: {@link CodeRedemption.Redeemed} for the one caller that
   * consumes it; {@link CodeRedemption.Replayed} (its family revoked) when it was consumed before;
   * {@link CodeRedemption.Invalid} when there is no such live code.
   */
  public CodeRedemption redeem(String realmId, String code) {
    if (code == null || code.isEmpty() || code.length() > 128) {
      return new CodeRedemption.Invalid();
    }
    String hash = OpaqueTokens.hash(code);
    Instant now = clock.instant();
    return useCase.run(
        () -> {
          Optional<AuthorizationCodeRepository.StoredCode> won = codes.consume(realmId, hash, now);
          if (won.isPresent()) {
            return new CodeRedemption.Redeemed(won.get().binding(), won.get().familyId());
          }
          Optional<AuthorizationCodeRepository.StoredCode> stored = codes.find(realmId, hash);
          if (stored.isEmpty()) {
            return new CodeRedemption.Invalid();
          }
          if (stored.get().consumedAt() != null) {
            codes.revokeFamily(stored.get().familyId(), "code-replayed", now);
            return new CodeRedemption.Replayed(stored.get().familyId());
          }
          return new CodeRedemption.Invalid();
        });
  }

  /** Revokes a family, e.g. when a redeemed code's token request fails later checks. */
  public void revokeFamily(String familyId, String why) {
    useCase.execute(() -> codes.revokeFamily(familyId, why, clock.instant()));
  }

  /** Whether tokens of the family are still good. */
  public boolean familyLive(String familyId) {
    return !codes.familyRevoked(familyId);
  }

  /**
   * The family of the realm while its tokens are good, with the claims request (OIDC Core §5.5)
   * they were issued for; empty once it is revoked, or for another realm's family. Read through the
   * {@link FamilyDirectory}, whose staleness bound is stated there.
   */
  public Optional<AuthorizationCodeRepository.LiveFamily> liveFamily(
      String realmId, String familyId) {
    return families.find(
        realmId, familyId, () -> useCase.run(() -> codes.liveFamily(realmId, familyId)));
  }

  /** Drops what this node knows of a family, as a cache notice asks. */
  public void evictFamily(String familyId) {
    families.evict(familyId);
  }

  public void evictAllFamilies() {
    families.evictAll();
  }

  /** Deletes codes older than {@link #KEPT}; how many. */
  public int sweep() {
    return useCase.run(() -> codes.deleteCreatedBefore(clock.instant().minus(KEPT)));
  }
}
