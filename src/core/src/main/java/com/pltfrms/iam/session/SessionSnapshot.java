package com.pltfrms.iam.session;

import java.time.Instant;
import java.util.List;

/**
 * An SSO session as the admin API and the login flow see it; never its cookie or the cookie's hash.
 *
 * @param id the session's id ({@code sid} in ID tokens)
 * @param realmId the realm
 * @param userId the user logged in
 * @param createdAt when the session started
 * @param lastSeenAt when it was last used
 * @param authTime when the user last authenticated in it ({@code auth_time})
 * @param idleExpiresAt when it ends unless used before
 * @param expiresAt when it ends at the latest
 * @param clients the clients it issued tokens to, in the order they first were
 */
public record SessionSnapshot(
    String id,
    String realmId,
    String userId,
    Instant createdAt,
    Instant lastSeenAt,
    Instant authTime,
    Instant idleExpiresAt,
    Instant expiresAt,
    List<SessionClient> clients) {

  public SessionSnapshot {
    clients = List.copyOf(clients);
  }

  /** Whether the session is still alive at {@code now}. */
  public boolean activeAt(Instant now) {
    return now.isBefore(idleExpiresAt) && now.isBefore(expiresAt);
  }
}
