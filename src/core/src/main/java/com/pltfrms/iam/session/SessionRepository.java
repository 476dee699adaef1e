package com.pltfrms.iam.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where SSO sessions are kept: PostgreSQL, never a cache. */
public interface SessionRepository {

  /** A stored session with its cookie's hash, for the constant-time check. */
  record Stored(SessionSnapshot session, String cookieHash) {
    @Override
    public String toString() {
      return "Stored[" + session.id() + "]";
    }
  }

  /** Whether {@code userId} is a user of {@code realmId}. */
  boolean userExists(String realmId, String userId);

  void add(SessionSnapshot session, String cookieHash);

  /** The session whose cookie hashes to {@code cookieHash}, in {@code realmId}, alive or not. */
  Optional<Stored> findByCookieHash(String realmId, String cookieHash);

  Optional<SessionSnapshot> find(String realmId, String sessionId);

  /** The user's sessions alive at {@code now}, newest first. */
  List<SessionSnapshot> listOf(String realmId, String userId, Instant now);

  /** Marks the session used at {@code now}, moving its idle end to {@code idleExpiresAt}. */
  boolean touch(String realmId, String sessionId, Instant now, Instant idleExpiresAt);

  /**
   * Records (or refreshes) that the session issued {@code clientId} (the client's id) a token;
   * false when the session or the client is not of {@code realmId}.
   */
  boolean recordClient(String realmId, String sessionId, String clientId, Instant now);

  boolean delete(String realmId, String userId, String sessionId);

  int deleteAllOf(String realmId, String userId);

  /** Deletes sessions that ended before {@code now}; returns how many. */
  int deleteEnded(Instant now);
}
