package com.pltfrms.iam.keys;

import com.pltfrms.iam.shared.AdvisoryLock;
import com.pltfrms.iam.shared.CacheNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signing keys as PostgreSQL holds them: every query of the keys feature, in one place. Joins the
 * caller's transaction; never starts one.
 */
@ApplicationScoped
public class SigningKeyRepository {

  /** Read rows as PostgreSQL holds them now, never instances an earlier read left in context. */
  private static final String REFRESH_HINT = "eclipselink.refresh";

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  /** A realm, as the re-seal names it in audit events. */
  record RealmRef(String id, String name) {}

  /**
   * An active key's envelope, as the readiness check tries it, and its row's stamp (PostgreSQL's
   * {@code xmin}: any write to the row changes it).
   */
  record SealedActiveKey(KeyBinding binding, String envelope, String stamp) {}

  /** Which key signs for a realm, and its row's stamp, without the envelope. */
  record ActiveKeyStamp(KeyBinding binding, String stamp) {}

  void add(SigningKey key) {
    em.persist(key);
  }

  /**
   * Sends the statements queued so far to PostgreSQL now, in this order. A constraint they break
   * (the one-active-key index) fails here rather than at commit.
   */
  void flush() {
    em.flush();
  }

  Optional<SigningKey> find(String realmId, String kid) {
    return em.createQuery(
            "SELECT k FROM SigningKey k WHERE k.realmId = :realm AND k.kid = :kid",
            SigningKey.class)
        .setParameter("realm", realmId)
        .setParameter("kid", kid)
        .setHint(REFRESH_HINT, "true")
        .getResultStream()
        .findFirst();
  }

  /** The realm's signer, if it has one (the database allows at most one). */
  Optional<SigningKey> active(String realmId) {
    return em.createQuery(
            "SELECT k FROM SigningKey k WHERE k.realmId = :realm AND k.status = :active",
            SigningKey.class)
        .setParameter("realm", realmId)
        .setParameter("active", KeyStatus.ACTIVE)
        .setHint(REFRESH_HINT, "true")
        .getResultStream()
        .findFirst();
  }

  /** Every key in the realm's JWKS, oldest first. */
  List<SigningKey> published(String realmId) {
    return em.createQuery(
            "SELECT k FROM SigningKey k WHERE k.realmId = :realm AND k.status <> :retired"
                + " ORDER BY k.createdAt, k.kid",
            SigningKey.class)
        .setParameter("realm", realmId)
        .setParameter("retired", KeyStatus.RETIRED)
        .setHint(REFRESH_HINT, "true")
        .getResultList();
  }

  /** Every key the realm ever had, retired ones included, oldest first. */
  List<SigningKey> all(String realmId) {
    return em.createQuery(
            "SELECT k FROM SigningKey k WHERE k.realmId = :realm ORDER BY k.createdAt, k.kid",
            SigningKey.class)
        .setParameter("realm", realmId)
        .setHint(REFRESH_HINT, "true")
        .getResultList();
  }

  /**
   * Takes the lock that serializes changes to the realm's keys, if no other transaction holds it.
   * Released when this transaction ends.
   */
  boolean tryLock(String realmId) {
    Object locked =
        em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext(?1))")
            .setParameter(1, lockName(realmId))
            .getSingleResult();
    return Boolean.TRUE.equals(locked);
  }

  /** Waits for the lock that serializes changes to the realm's keys. */
  void lock(String realmId) {
    AdvisoryLock.acquire(em, lockName(realmId));
  }

  /** Tells every node, at commit, to drop its cached copy of the realm's keys. */
  void announceChange(String realmId) {
    CacheNotice.send(em, CacheNotice.Topic.KEYS, realmId);
  }

  /** The envelope of every realm's signer. */
  List<SealedActiveKey> activeEnvelopes() {
    return envelopes(
        em.createNativeQuery(
            "SELECT realm_id, kid, private_key_sealed, xmin::text FROM signing_key"
                + " WHERE status = 'ACTIVE' ORDER BY realm_id"));
  }

  /** The envelope of the active key {@code kid}, if it is still the active one. */
  List<SealedActiveKey> activeEnvelope(String kid) {
    return envelopes(
        em.createNativeQuery(
                "SELECT realm_id, kid, private_key_sealed, xmin::text FROM signing_key"
                    + " WHERE status = 'ACTIVE' AND kid = ?1")
            .setParameter(1, kid));
  }

  /** Every realm's signer and its row's stamp: small rows, the envelopes stay unread. */
  List<ActiveKeyStamp> activeStamps() {
    List<?> rows =
        em.createNativeQuery(
                "SELECT realm_id, kid, xmin::text FROM signing_key WHERE status = 'ACTIVE'")
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            row ->
                new ActiveKeyStamp(
                    new KeyBinding((String) row[0], (String) row[1]), (String) row[2]))
        .toList();
  }

  private static List<SealedActiveKey> envelopes(jakarta.persistence.Query query) {
    List<?> rows = query.getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            row ->
                new SealedActiveKey(
                    new KeyBinding((String) row[0], (String) row[1]),
                    (String) row[2],
                    (String) row[3]))
        .toList();
  }

  /**
   * Up to {@code limit} realms, in id order after {@code afterRealmId}, that hold a private key
   * whose envelope does not start with {@code currentPrefix}.
   */
  List<RealmRef> realmsToReseal(String currentPrefix, String afterRealmId, int limit) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT r.id, r.name FROM realm r WHERE r.id > ?1 AND EXISTS (SELECT 1 FROM"
                    + " signing_key k WHERE k.realm_id = r.id AND k.private_key_sealed IS NOT NULL"
                    + " AND strpos(k.private_key_sealed, ?2) <> 1) ORDER BY r.id LIMIT ?3")
            .setParameter(1, afterRealmId)
            .setParameter(2, currentPrefix)
            .setParameter(3, limit)
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(row -> new RealmRef((String) row[0], (String) row[1]))
        .toList();
  }

  /** The realm's keys whose envelope does not start with {@code currentPrefix}. */
  List<SigningKey> toReseal(String realmId, String currentPrefix) {
    return all(realmId).stream()
        .filter(k -> k.privateKeySealed() != null)
        .filter(k -> !k.privateKeySealed().startsWith(currentPrefix))
        .toList();
  }

  /**
   * How many private keys not retired are sealed under each master key id ({@code v1}: unnamed).
   */
  Map<String, Long> envelopeCounts() {
    List<?> rows =
        em.createNativeQuery(
                "SELECT CASE WHEN private_key_sealed LIKE 'v2.%'"
                    + " THEN split_part(private_key_sealed, '.', 2)"
                    + " ELSE split_part(private_key_sealed, '.', 1) END AS sealed_under, count(*)"
                    + " FROM signing_key WHERE private_key_sealed IS NOT NULL"
                    + " GROUP BY sealed_under ORDER BY sealed_under")
            .getResultList();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      counts.put((String) columns[0], ((Number) columns[1]).longValue());
    }
    return counts;
  }

  private static String lockName(String realmId) {
    return "keys:" + realmId;
  }
}
