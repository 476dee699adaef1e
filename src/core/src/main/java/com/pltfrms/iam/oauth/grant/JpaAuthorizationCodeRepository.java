package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.shared.AfterCompletion;
import com.pltfrms.iam.shared.CacheNotice;
import com.pltfrms.iam.shared.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuthorizationCodeRepository} in native SQL on changeset 0011: codes are written once and
 * consumed by a conditional UPDATE, never cached (ARCHITECTURE.md, persistence).
 */
@ApplicationScoped
class JpaAuthorizationCodeRepository implements AuthorizationCodeRepository {

  private static final String CODE_COLUMNS =
      "client_id, user_id, session_id, redirect_uri, code_challenge, nonce, scope, claims,"
          + " auth_time, acr, amr, family_id, expires_at, consumed_at";

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Inject FamilyDirectory families;
  @Inject AfterCompletion afterCompletion;

  /** The family and its first code, in one statement (a data-modifying CTE): one round trip. */
  @Override
  public void add(
      String codeHash, String familyId, CodeBinding binding, Instant now, Instant expiresAt) {
    NativeSql.execute(
        em,
        "WITH family AS (INSERT INTO token_family (id, realm_id, client_id, user_id, session_id,"
            + " claims, created_at) VALUES (?3, ?2, ?4, ?5, ?6, ?11, ?15) RETURNING id)"
            + " INSERT INTO authorization_code (code_hash, realm_id, family_id, client_id, user_id,"
            + " session_id, redirect_uri, code_challenge, nonce, scope, claims, auth_time, acr,"
            + " amr, created_at, expires_at)"
            + " SELECT ?1, ?2, family.id, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16"
            + " FROM family",
        codeHash,
        binding.realmId(),
        familyId,
        binding.clientId(),
        binding.userId(),
        binding.sessionId(),
        binding.redirectUri(),
        binding.codeChallenge(),
        binding.nonce(),
        binding.scope(),
        binding.claims(),
        Timestamp.from(binding.authTime()),
        binding.acr(),
        String.join(" ", binding.amr()),
        Timestamp.from(now),
        Timestamp.from(expiresAt));
  }

  @Override
  public Optional<StoredCode> consume(String realmId, String codeHash, Instant now) {
    return NativeSql.rows(
            em,
            "UPDATE authorization_code SET consumed_at = ?3"
                + " WHERE code_hash = ?1 AND realm_id = ?2 AND consumed_at IS NULL"
                + " AND expires_at > ?3 RETURNING "
                + CODE_COLUMNS,
            codeHash,
            realmId,
            Timestamp.from(now))
        .stream()
        .findFirst()
        .map(row -> stored(realmId, row));
  }

  @Override
  public Optional<StoredCode> find(String realmId, String codeHash) {
    return NativeSql.rows(
            em,
            "SELECT "
                + CODE_COLUMNS
                + " FROM authorization_code"
                + " WHERE code_hash = ?1 AND realm_id = ?2",
            codeHash,
            realmId)
        .stream()
        .findFirst()
        .map(row -> stored(realmId, row));
  }

  private static StoredCode stored(String realmId, Object[] row) {
    String amr = (String) row[10];
    List<String> methods = amr.isEmpty() ? List.of() : Arrays.asList(amr.split(" "));
    CodeBinding binding =
        new CodeBinding(
            realmId,
            (String) row[0],
            (String) row[1],
            (String) row[2],
            (String) row[3],
            (String) row[4],
            (String) row[5],
            (String) row[6],
            (String) row[7],
            NativeSql.instant(row[8]),
            (String) row[9],
            methods);
    return new StoredCode(
        binding, (String) row[11], NativeSql.instant(row[12]), NativeSql.instant(row[13]));
  }

  @Override
  public void revokeFamily(String familyId, String why, Instant now) {
    CacheNotice.send(em, CacheNotice.Topic.TOKEN_FAMILY, familyId);
    afterCompletion.run(() -> families.evict(familyId));
    NativeSql.execute(
        em,
        "UPDATE token_family SET revoked_at = ?2, revoked_why = ?3"
            + " WHERE id = ?1 AND revoked_at IS NULL",
        familyId,
        Timestamp.from(now),
        why);
  }

  @Override
  public boolean familyRevoked(String familyId) {
    return !NativeSql.exists(
        em, "SELECT 1 FROM token_family WHERE id = ?1 AND revoked_at IS NULL", familyId);
  }

  @Override
  public Optional<LiveFamily> liveFamily(String realmId, String familyId) {
    return NativeSql.rows(
            em,
            "SELECT id, claims FROM token_family"
                + " WHERE id = ?1 AND realm_id = ?2 AND revoked_at IS NULL",
            familyId,
            realmId)
        .stream()
        .findFirst()
        .map(row -> new LiveFamily((String) row[1]));
  }

  @Override
  public int deleteCreatedBefore(Instant before) {
    return NativeSql.execute(
        em, "DELETE FROM authorization_code WHERE created_at < ?1", Timestamp.from(before));
  }
}
