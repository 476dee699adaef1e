package com.pltfrms.iam.oauth.grant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Refresh tokens, stored as hashes, in the token families of their codes. */
public interface RefreshTokenRepository {

  /**
   * Stores the first refresh token of the family (by its hash), valid until {@code expiresAt}, and
   * sets the family's maximum lifetime {@code familyExpiresAt} and whether it is offline.
   */
  void addFirst(
      String tokenHash,
      String id,
      RefreshBinding binding,
      Instant now,
      Instant expiresAt,
      Instant familyExpiresAt);

  /** Stores the refresh token a rotation issues, and notes the family's use. */
  void addRotated(
      String tokenHash, String id, RefreshBinding binding, Instant now, Instant expiresAt);

  /**
   * Consumes the live token of the client: a conditional UPDATE that exactly one of any number of
   * concurrent callers wins, and only while the token is unexpired and its family not revoked;
   * empty for every other caller.
   */
  Optional<StoredRefresh> consume(String realmId, String tokenHash, String clientId, Instant now);

  /** Un-does {@link #consume} in the same transaction, for a request refused after it. */
  void unconsume(String realmId, String tokenHash);

  /** The stored token of the realm, consumed or not, expired or not, its family live or not. */
  Optional<StoredRefresh> find(String realmId, String tokenHash);

  /** The user's offline grants that are live at {@code now}, newest first. */
  List<OfflineGrant> offlineGrantsOf(String realmId, String userId, Instant now);

  /** Deletes tokens that expired before {@code before}; how many. */
  int deleteExpiredBefore(Instant before);

  /**
   * A stored refresh token as the repository reads it back.
   *
   * @param id its public id (the {@code jti} introspection shows)
   * @param familyExpiresAt the end of its family (the grant's maximum lifetime)
   * @param familyRevoked whether its family was revoked
   * @param claims the claims request of the family (OIDC Core §5.5), or null
   * @param clientName the {@code client_id} of its client
   */
  record StoredRefresh(
      String id,
      RefreshBinding binding,
      Instant createdAt,
      Instant expiresAt,
      Instant consumedAt,
      Instant familyExpiresAt,
      boolean familyRevoked,
      String claims,
      String clientName) {

    /** Whether the token may be used at {@code now}: unconsumed, unexpired, its family live. */
    public boolean liveAt(Instant now) {
      return consumedAt == null && !familyRevoked && now.isBefore(expiresAt);
    }
  }

  /**
   * An offline grant of a user (an offline token family), as the admin API lists it.
   *
   * @param id the family's id
   * @param clientId the client's id
   * @param scope the scopes of its latest token
   * @param createdAt when the code was exchanged
   * @param lastUsedAt when a refresh last rotated it, or null
   * @param expiresAt when the grant ends at the latest
   */
  record OfflineGrant(
      String id,
      String clientId,
      String scope,
      Instant createdAt,
      Instant lastUsedAt,
      Instant expiresAt) {}
}
