package com.pltfrms.iam.session;

import com.pltfrms.iam.shared.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SessionRepository} in native SQL on changeset 0010: sessions change on every use and are
 * never cached (ARCHITECTURE.md, persistence), so no entity and no shared-cache entry exist for
 * them.
 */
@ApplicationScoped
class JpaSessionRepository implements SessionRepository {

  private static final String COLUMNS =
      "s.id, s.user_id, s.created_at, s.last_seen_at, s.auth_time, s.idle_expires_at,"
          + " s.expires_at, s.cookie_hash";

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Override
  public boolean userExists(String realmId, String userId) {
    return NativeSql.exists(
        em, "SELECT 1 FROM app_user WHERE realm_id = ?1 AND id = ?2", realmId, userId);
  }

  @Override
  public void add(SessionSnapshot session, String cookieHash) {
    NativeSql.execute(
        em,
        "INSERT INTO sso_session (id, realm_id, user_id, cookie_hash, created_at, last_seen_at,"
            + " auth_time, idle_expires_at, expires_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        session.id(),
        session.realmId(),
        session.userId(),
        cookieHash,
        Timestamp.from(session.createdAt()),
        Timestamp.from(session.lastSeenAt()),
        Timestamp.from(session.authTime()),
        Timestamp.from(session.idleExpiresAt()),
        Timestamp.from(session.expiresAt()));
  }

  @Override
  public Optional<Stored> findByCookieHash(String realmId, String cookieHash) {
    return NativeSql.rows(
            em,
            "SELECT "
                + COLUMNS
                + " FROM sso_session s WHERE s.cookie_hash = ?1 AND s.realm_id = ?2",
            cookieHash,
            realmId)
        .stream()
        .findFirst()
        .map(
            row ->
                new Stored(
                    snapshot(realmId, row, clientsOf(List.of((String) row[0]))), (String) row[7]));
  }

  @Override
  public Optional<SessionSnapshot> find(String realmId, String sessionId) {
    return NativeSql.rows(
            em,
            "SELECT " + COLUMNS + " FROM sso_session s WHERE s.id = ?1 AND s.realm_id = ?2",
            sessionId,
            realmId)
        .stream()
        .findFirst()
        .map(row -> snapshot(realmId, row, clientsOf(List.of(sessionId))));
  }

  @Override
  public List<SessionSnapshot> listOf(String realmId, String userId, Instant now) {
    List<Object[]> rows =
        NativeSql.rows(
            em,
            "SELECT "
                + COLUMNS
                + " FROM sso_session s WHERE s.realm_id = ?1 AND s.user_id = ?2"
                + " AND s.idle_expires_at > ?3 AND s.expires_at > ?3"
                + " ORDER BY s.created_at DESC, s.id",
            realmId,
            userId,
            Timestamp.from(now));
    Map<String, List<SessionClient>> clients =
        clientsOf(rows.stream().map(r -> (String) r[0]).toList());
    List<SessionSnapshot> sessions = new ArrayList<>();
    for (Object[] row : rows) {
      sessions.add(snapshot(realmId, row, clients));
    }
    return sessions;
  }

  /** The clients of each of {@code sessionIds}, in the order they were first issued tokens. */
  private Map<String, List<SessionClient>> clientsOf(List<String> sessionIds) {
    Map<String, List<SessionClient>> clients = new LinkedHashMap<>();
    if (sessionIds.isEmpty()) {
      return clients;
    }
    for (Object[] row :
        NativeSql.rows(
            em,
            "SELECT sc.session_id, c.id, c.client_id, sc.first_issued_at, sc.last_issued_at"
                + " FROM sso_session_client sc JOIN oauth_client c ON c.id = sc.client_id"
                + " WHERE sc.session_id = ANY (CAST(?1 AS VARCHAR[]))"
                + " ORDER BY sc.first_issued_at, c.client_id",
            "{" + String.join(",", sessionIds) + "}")) {
      clients
          .computeIfAbsent((String) row[0], k -> new ArrayList<>())
          .add(
              new SessionClient(
                  (String) row[1],
                  (String) row[2],
                  NativeSql.instant(row[3]),
                  NativeSql.instant(row[4])));
    }
    return clients;
  }

  private static SessionSnapshot snapshot(
      String realmId, Object[] row, Map<String, List<SessionClient>> clients) {
    String id = (String) row[0];
    return new SessionSnapshot(
        id,
        realmId,
        (String) row[1],
        NativeSql.instant(row[2]),
        NativeSql.instant(row[3]),
        NativeSql.instant(row[4]),
        NativeSql.instant(row[5]),
        NativeSql.instant(row[6]),
        clients.getOrDefault(id, List.of()));
  }

  @Override
  public boolean touch(String realmId, String sessionId, Instant now, Instant idleExpiresAt) {
    return NativeSql.execute(
            em,
            "UPDATE sso_session SET last_seen_at = ?3, idle_expires_at = LEAST(?4, expires_at)"
                + " WHERE id = ?1 AND realm_id = ?2 AND idle_expires_at > ?3 AND expires_at > ?3",
            sessionId,
            realmId,
            Timestamp.from(now),
            Timestamp.from(idleExpiresAt))
        == 1;
  }

  @Override
  public boolean recordClient(String realmId, String sessionId, String clientId, Instant now) {
    return NativeSql.execute(
            em,
            "INSERT INTO sso_session_client (session_id, client_id, first_issued_at,"
                + " last_issued_at)"
                + " SELECT s.id, c.id, ?4, ?4 FROM sso_session s JOIN oauth_client c"
                + " ON c.realm_id = s.realm_id"
                + " WHERE s.id = ?2 AND s.realm_id = ?1 AND c.id = ?3"
                + " ON CONFLICT (session_id, client_id)"
                + " DO UPDATE SET last_issued_at = EXCLUDED.last_issued_at",
            realmId,
            sessionId,
            clientId,
            Timestamp.from(now))
        == 1;
  }

  @Override
  public boolean delete(String realmId, String userId, String sessionId) {
    return NativeSql.execute(
            em,
            "DELETE FROM sso_session WHERE id = ?1 AND realm_id = ?2 AND user_id = ?3",
            sessionId,
            realmId,
            userId)
        == 1;
  }

  @Override
  public int deleteAllOf(String realmId, String userId) {
    return NativeSql.execute(
        em, "DELETE FROM sso_session WHERE realm_id = ?1 AND user_id = ?2", realmId, userId);
  }

  @Override
  public int deleteEnded(Instant now) {
    return NativeSql.execute(
        em,
        "DELETE FROM sso_session WHERE idle_expires_at <= ?1 OR expires_at <= ?1",
        Timestamp.from(now));
  }
}
