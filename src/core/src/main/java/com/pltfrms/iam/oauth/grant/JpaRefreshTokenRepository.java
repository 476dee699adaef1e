package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.shared.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link RefreshTokenRepository} in native SQL on changeset 0015: tokens are written once and
 * consumed by a conditional UPDATE, never cached. Each write is one statement (a data-modifying CTE
 * also updates the family), so a rotation is two round trips: the UPDATE that consumes and the
 * INSERT of the successor.
 */
@ApplicationScoped
class JpaRefreshTokenRepository implements RefreshTokenRepository {

  private static final String COLUMNS =
      "r.id, r.family_id, r.client_id, r.user_id, r.session_id, r.scope, r.auth_time, r.acr,"
          + " r.amr, r.offline, r.created_at, r.expires_at, r.consumed_at, f.expires_at,"
          + " f.revoked_at, f.claims, c.client_id";

  private static final String INSERT =
      " INSERT INTO refresh_token (token_hash, id, realm_id, family_id, client_id, user_id,"
          + " session_id, scope, auth_time, acr, amr, offline, created_at, expires_at)"
          + " SELECT ?1, ?2, ?3, f.id, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14 FROM f";

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Override
  public void addFirst(
      String tokenHash,
      String id,
      RefreshBinding binding,
      Instant now,
      Instant expiresAt,
      Instant familyExpiresAt) {
    insert(
        "WITH f AS (UPDATE token_family SET offline = ?12, expires_at = ?15, last_used_at = ?13"
            + " WHERE id = ?4 AND realm_id = ?3 RETURNING id)",
        tokenHash,
        id,
        binding,
        now,
        expiresAt,
        familyExpiresAt);
  }

  @Override
  public void addRotated(
      String tokenHash, String id, RefreshBinding binding, Instant now, Instant expiresAt) {
    insert(
        "WITH f AS (UPDATE token_family SET last_used_at = ?13"
            + " WHERE id = ?4 AND realm_id = ?3 RETURNING id)",
        tokenHash,
        id,
        binding,
        now,
        expiresAt,
        null);
  }

  private void insert(
      String familyUpdate,
      String tokenHash,
      String id,
      RefreshBinding binding,
      Instant now,
      Instant expiresAt,
      Instant familyExpiresAt) {
    List<Object> parameters =
        new java.util.ArrayList<>(
            Arrays.asList(
                tokenHash,
                id,
                binding.realmId(),
                binding.familyId(),
                binding.clientId(),
                binding.userId(),
                binding.sessionId(),
                binding.scope(),
                Timestamp.from(binding.authTime()),
                binding.acr(),
                String.join(" ", binding.amr()),
                binding.offline(),
                Timestamp.from(now),
                Timestamp.from(expiresAt)));
    if (familyExpiresAt != null) {
      parameters.add(Timestamp.from(familyExpiresAt));
    }
    int inserted = NativeSql.execute(em, familyUpdate + INSERT, parameters.toArray());
    if (inserted != 1) {
      throw new IllegalStateException("the token family is not of this realm");
    }
  }

  @Override
  public Optional<StoredRefresh> consume(
      String realmId, String tokenHash, String clientId, Instant now) {
    return NativeSql.rows(
            em,
            "UPDATE refresh_token r SET consumed_at = ?4 FROM token_family f, oauth_client c"
                + " WHERE r.token_hash = ?1 AND r.realm_id = ?2 AND r.client_id = ?3"
                + " AND r.consumed_at IS NULL AND r.expires_at > ?4"
                + " AND f.id = r.family_id AND f.revoked_at IS NULL AND c.id = r.client_id"
                + " RETURNING "
                + COLUMNS,
            tokenHash,
            realmId,
            clientId,
            Timestamp.from(now))
        .stream()
        .findFirst()
        .map(row -> stored(realmId, row));
  }

  @Override
  public void unconsume(String realmId, String tokenHash) {
    NativeSql.execute(
        em,
        "UPDATE refresh_token SET consumed_at = NULL WHERE token_hash = ?1 AND realm_id = ?2",
        tokenHash,
        realmId);
  }

  @Override
  public Optional<StoredRefresh> find(String realmId, String tokenHash) {
    return NativeSql.rows(
            em,
            "SELECT "
                + COLUMNS
                + " FROM refresh_token r JOIN token_family f ON f.id = r.family_id"
                + " JOIN oauth_client c ON c.id = r.client_id"
                + " WHERE r.token_hash = ?1 AND r.realm_id = ?2",
            tokenHash,
            realmId)
        .stream()
        .findFirst()
        .map(row -> stored(realmId, row));
  }

  private static StoredRefresh stored(String realmId, Object[] row) {
    String amr = (String) row[8];
    List<String> methods = amr.isEmpty() ? List.of() : Arrays.asList(amr.split(" "));
    RefreshBinding binding =
        new RefreshBinding(
            realmId,
            (String) row[1],
            (String) row[2],
            (String) row[3],
            (String) row[4],
            (String) row[5],
            NativeSql.instant(row[6]),
            (String) row[7],
            methods,
            Boolean.TRUE.equals(row[9]));
    return new StoredRefresh(
        (String) row[0],
        binding,
        NativeSql.instant(row[10]),
        NativeSql.instant(row[11]),
        NativeSql.instant(row[12]),
        NativeSql.instant(row[13]),
        row[14] != null,
        (String) row[15],
        (String) row[16]);
  }

  @Override
  public List<OfflineGrant> offlineGrantsOf(String realmId, String userId, Instant now) {
    return NativeSql.rows(
            em,
            "SELECT f.id, c.client_id, r.scope, f.created_at, f.last_used_at, f.expires_at"
                + " FROM token_family f JOIN oauth_client c ON c.id = f.client_id"
                + " JOIN refresh_token r ON r.family_id = f.id AND r.consumed_at IS NULL"
                + " AND r.expires_at > ?3"
                + " WHERE f.realm_id = ?1 AND f.user_id = ?2 AND f.offline"
                + " AND f.revoked_at IS NULL AND f.expires_at > ?3"
                + " ORDER BY f.created_at DESC LIMIT 500",
            realmId,
            userId,
            Timestamp.from(now))
        .stream()
        .map(
            row ->
                new OfflineGrant(
                    (String) row[0],
                    (String) row[1],
                    (String) row[2],
                    NativeSql.instant(row[3]),
                    NativeSql.instant(row[4]),
                    NativeSql.instant(row[5])))
        .toList();
  }

  @Override
  public int deleteExpiredBefore(Instant before) {
    return NativeSql.execute(
        em, "DELETE FROM refresh_token WHERE expires_at < ?1", Timestamp.from(before));
  }
}
