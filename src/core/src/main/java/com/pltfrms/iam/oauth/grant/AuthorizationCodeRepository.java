package com.pltfrms.iam.oauth.grant;

import java.time.Instant;
import java.util.Optional;

/** Authorization codes and their token families, stored as hashes. */
public interface AuthorizationCodeRepository {

  /**
   * Stores a code (by its hash) and its new token family {@code familyId}, redeemable until {@code
   * expiresAt}.
   */
  void add(String codeHash, String familyId, CodeBinding binding, Instant now, Instant expiresAt);

  /**
   * Consumes the live code: a conditional UPDATE that exactly one of any number of concurrent
   * callers wins, which gets the code as it was stored (one statement: UPDATE … RETURNING); empty
   * for every other caller.
   */
  Optional<StoredCode> consume(String realmId, String codeHash, Instant now);

  /** The stored code of the realm, consumed or not, expired or not. */
  Optional<StoredCode> find(String realmId, String codeHash);

  /** Revokes the family (a no-op when it already is). */
  void revokeFamily(String familyId, String why, Instant now);

  /** Whether the family is revoked (or gone). */
  boolean familyRevoked(String familyId);

  /** The family of the realm when it is not revoked, with the claims request it was issued for. */
  Optional<LiveFamily> liveFamily(String realmId, String familyId);

  /** Deletes codes created before {@code before}; how many. */
  int deleteCreatedBefore(Instant before);

  /** A family that is not revoked: its tokens are good. {@code claims} may be null. */
  record LiveFamily(String claims) {}

  /** A stored code as the repository reads it back. */
  record StoredCode(CodeBinding binding, String familyId, Instant expiresAt, Instant consumedAt) {}
}
