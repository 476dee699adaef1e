package com.pltfrms.iam.oauth.token;

import com.pltfrms.iam.shared.CacheNotice;
import com.pltfrms.iam.shared.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** {@link RevokedAccessTokenRepository} in native SQL on changeset 0015. */
@ApplicationScoped
class JpaRevokedAccessTokenRepository implements RevokedAccessTokenRepository {

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Override
  public void add(String realmId, String jti, Instant now, Instant expiresAt) {
    NativeSql.execute(
        em,
        "INSERT INTO revoked_access_token (jti, realm_id, revoked_at, expires_at)"
            + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (jti) DO NOTHING",
        jti,
        realmId,
        Timestamp.from(now),
        Timestamp.from(expiresAt));
    CacheNotice.send(
        em, CacheNotice.Topic.REVOKED_ACCESS_TOKEN, jti + " " + expiresAt.getEpochSecond());
  }

  @Override
  public Map<String, Long> revokedSince(Instant since, Instant now) {
    Map<String, Long> revoked = new HashMap<>();
    for (Object[] row :
        NativeSql.rows(
            em,
            "SELECT jti, expires_at FROM revoked_access_token"
                + " WHERE revoked_at > ?1 AND expires_at > ?2",
            Timestamp.from(since),
            Timestamp.from(now))) {
      revoked.put((String) row[0], NativeSql.instant(row[1]).getEpochSecond());
    }
    return revoked;
  }

  @Override
  public int deleteExpiredBefore(Instant before) {
    return NativeSql.execute(
        em, "DELETE FROM revoked_access_token WHERE expires_at < ?1", Timestamp.from(before));
  }
}
