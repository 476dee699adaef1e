package com.pltfrms.iam.oauth.token;

import java.time.Instant;
import java.util.Map;

/** The access tokens revoked before their expiry, by {@code jti}. */
public interface RevokedAccessTokenRepository {

  /** Records the revocation (a no-op when it is recorded already) and tells every node. */
  void add(String realmId, String jti, Instant now, Instant expiresAt);

  /**
   * The jtis (with their tokens' expiry, epoch seconds) revoked after {@code since} whose tokens
   * have not expired at {@code now}.
   */
  Map<String, Long> revokedSince(Instant since, Instant now);

  /** Deletes the rows of tokens that expired before {@code before}; how many. */
  int deleteExpiredBefore(Instant before);
}
