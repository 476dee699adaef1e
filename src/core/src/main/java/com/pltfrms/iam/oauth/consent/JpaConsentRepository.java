package com.pltfrms.iam.oauth.consent;

import com.pltfrms.iam.shared.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Consents in native SQL on changeset 0013; never cached (ARCHITECTURE.md, persistence). */
@ApplicationScoped
class JpaConsentRepository {

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  Optional<String> scopes(String userId, String clientId) {
    return NativeSql.first(
            em,
            "SELECT scopes FROM consent WHERE user_id = ?1 AND client_id = ?2",
            userId,
            clientId)
        .map(String.class::cast);
  }

  void put(String realmId, String userId, String clientId, String scopes, Instant now) {
    NativeSql.execute(
        em,
        "INSERT INTO consent (user_id, client_id, realm_id, scopes, created_at, updated_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?5)"
            + " ON CONFLICT (user_id, client_id) DO UPDATE SET scopes = EXCLUDED.scopes,"
            + " updated_at = EXCLUDED.updated_at",
        userId,
        clientId,
        realmId,
        scopes,
        Timestamp.from(now));
  }

  List<ConsentView> list(String realmId, String userId) {
    return NativeSql.rows(
            em,
            "SELECT c.client_id, s.scopes, s.created_at, s.updated_at FROM consent s"
                + " JOIN oauth_client c ON c.id = s.client_id"
                + " WHERE s.realm_id = ?1 AND s.user_id = ?2 ORDER BY c.client_id",
            realmId,
            userId)
        .stream()
        .map(
            row ->
                new ConsentView(
                    (String) row[0],
                    Arrays.asList(((String) row[1]).split(" ")),
                    NativeSql.instant(row[2]),
                    NativeSql.instant(row[3])))
        .toList();
  }

  boolean delete(String realmId, String userId, String clientId) {
    return NativeSql.execute(
            em,
            "DELETE FROM consent WHERE realm_id = ?1 AND user_id = ?2 AND client_id = ?3",
            realmId,
            userId,
            clientId)
        == 1;
  }
}
