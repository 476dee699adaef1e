package com.pltfrms.iam.oidc;

import com.pltfrms.iam.shared.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Login attempts in native SQL on changeset 0012, by the hash of their id; never cached
 * (ARCHITECTURE.md, persistence).
 */
@ApplicationScoped
class JpaLoginAttemptRepository {

  /** A stored attempt as read back: the CSRF token's hash, the parameters' JSON, who and what. */
  record Stored(String csrfHash, String parametersJson, String userId, String stage) {}

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  void add(
      String idHash,
      String realmId,
      String csrfHash,
      String parametersJson,
      Instant now,
      Instant expiresAt) {
    NativeSql.execute(
        em,
        "INSERT INTO login_attempt (id_hash, realm_id, csrf_hash, parameters, created_at,"
            + " expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        idHash,
        realmId,
        csrfHash,
        parametersJson,
        Timestamp.from(now),
        Timestamp.from(expiresAt));
  }

  /** The attempt of the realm, unless it expired by {@code now}. */
  Optional<Stored> findLive(String realmId, String idHash, Instant now) {
    return NativeSql.rows(
            em,
            "SELECT csrf_hash, parameters, user_id, stage FROM login_attempt"
                + " WHERE id_hash = ?1 AND realm_id = ?2 AND expires_at > ?3",
            idHash,
            realmId,
            Timestamp.from(now))
        .stream()
        .findFirst()
        .map(row -> new Stored((String) row[0], (String) row[1], (String) row[2], (String) row[3]));
  }

  /** Sets who the live attempt waits on and for what; false when it is gone. */
  boolean await(String realmId, String idHash, String userId, String stage, Instant now) {
    return NativeSql.execute(
            em,
            "UPDATE login_attempt SET user_id = ?3, stage = ?5"
                + " WHERE id_hash = ?1 AND realm_id = ?2 AND expires_at > ?4",
            idHash,
            realmId,
            userId,
            Timestamp.from(now),
            stage)
        == 1;
  }

  /** Deletes the attempt; true for the one caller that deleted it. */
  boolean delete(String realmId, String idHash) {
    return NativeSql.execute(
            em, "DELETE FROM login_attempt WHERE id_hash = ?1 AND realm_id = ?2", idHash, realmId)
        == 1;
  }

  /** Deletes the attempts expired by {@code now}; how many. */
  int deleteExpired(Instant now) {
    return NativeSql.execute(
        em, "DELETE FROM login_attempt WHERE expires_at < ?1", Timestamp.from(now));
  }
}
