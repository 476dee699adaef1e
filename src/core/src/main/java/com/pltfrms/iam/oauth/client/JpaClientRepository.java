package com.pltfrms.iam.oauth.client;

import com.pltfrms.iam.shared.AdvisoryLock;
import com.pltfrms.iam.shared.CacheNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/** {@link ClientRepository} on the persistence unit. */
@ApplicationScoped
class JpaClientRepository implements ClientRepository {

  /** Read rows as PostgreSQL holds them now, never instances an earlier read left in context. */
  private static final String REFRESH_HINT = "eclipselink.refresh";

  private static final String BY_CLIENT_ID =
      "SELECT c FROM OAuthClient c WHERE c.realmId = :realm AND c.clientId = :clientId";

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Override
  public Optional<OAuthClient> find(String realmId, String clientId) {
    return byClientId(realmId, clientId).getResultStream().findFirst().map(this::withRoles);
  }

  @Override
  public Optional<OAuthClient> findForUpdate(String realmId, String clientId) {
    return byClientId(realmId, clientId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .map(this::withRoles);
  }

  @Override
  public Optional<ClientSnapshot> loadSnapshot(String realmId, String clientId) {
    return byClientId(realmId, clientId)
        .setHint(REFRESH_HINT, "true")
        .getResultStream()
        .findFirst()
        .map(this::withRoles)
        .map(OAuthClient::snapshot);
  }

  @Override
  public List<OAuthClient> list(String realmId, int offset, int limit) {
    return em.createQuery(
            "SELECT c FROM OAuthClient c WHERE c.realmId = :realm ORDER BY c.clientId",
            OAuthClient.class)
        .setParameter("realm", realmId)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultStream()
        .map(this::withRoles)
        .toList();
  }

  @Override
  public long count(String realmId) {
    return em.createQuery("SELECT COUNT(c) FROM OAuthClient c WHERE c.realmId = :realm", Long.class)
        .setParameter("realm", realmId)
        .getSingleResult();
  }

  @Override
  public int longestAccessTokenLifetime(String realmId) {
    Integer longest =
        em.createQuery(
                "SELECT MAX(c.accessTokenLifetimeSeconds) FROM OAuthClient c"
                    + " WHERE c.realmId = :realm",
                Integer.class)
            .setParameter("realm", realmId)
            .getSingleResult();
    return longest == null ? 0 : longest;
  }

  @Override
  public List<OAuthClient> enabledWithRole(String realmId, String role) {
    return em.createQuery(
            "SELECT c FROM OAuthClient c WHERE c.realmId = :realm AND c.enabled = TRUE",
            OAuthClient.class)
        .setParameter("realm", realmId)
        .getResultStream()
        .map(this::withRoles)
        .filter(c -> c.hasRole(role))
        .toList();
  }

  @Override
  public void add(OAuthClient client) {
    em.persist(client);
    if (client.rolesChanged()) {
      em.flush(); // the mappings refer to the client's row
      storeRoles(client);
    }
  }

  @Override
  public void flush() {
    em.flush();
  }

  @Override
  public void storeRoles(OAuthClient client) {
    if (!client.rolesChanged()) {
      return;
    }
    String words = String.join(" ", client.roles());
    // A role word that names no realm role yet becomes one (as the client field always allowed).
    em.createNativeQuery(
            "INSERT INTO iam_role (id, realm_id, name)"
                + " SELECT gen_random_uuid()::text, ?1, w FROM unnest(string_to_array(?2, ' ')) w"
                + " WHERE w <> '' ON CONFLICT (realm_id, name) WHERE client_id IS NULL DO NOTHING")
        .setParameter(1, client.realmId())
        .setParameter(2, words)
        .executeUpdate();
    em.createNativeQuery(
            "DELETE FROM client_role cr USING iam_role r"
                + " WHERE cr.client_id = ?1 AND r.id = cr.role_id AND r.client_id IS NULL"
                + " AND NOT (r.name = ANY (string_to_array(?2, ' ')))")
        .setParameter(1, client.id())
        .setParameter(2, words)
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO client_role (client_id, role_id) SELECT ?1, r.id FROM iam_role r"
                + " WHERE r.realm_id = ?2 AND r.client_id IS NULL"
                + " AND r.name = ANY (string_to_array(?3, ' ')) ON CONFLICT DO NOTHING")
        .setParameter(1, client.id())
        .setParameter(2, client.realmId())
        .setParameter(3, words)
        .executeUpdate();
    client.rolesStored();
    CacheNotice.send(em, CacheNotice.Topic.ACCESS, client.realmId());
  }

  /** Reads the client's direct realm-role mappings into it. */
  private OAuthClient withRoles(OAuthClient client) {
    @SuppressWarnings("unchecked")
    List<String> names =
        em.createNativeQuery(
                "SELECT r.name FROM client_role cr JOIN iam_role r ON r.id = cr.role_id"
                    + " WHERE cr.client_id = ?1 AND r.client_id IS NULL ORDER BY r.name")
            .setParameter(1, client.id())
            .getResultList();
    client.loadRoles(names);
    return client;
  }

  @Override
  public void remove(OAuthClient client) {
    em.remove(client);
  }

  @Override
  public void lockClientId(String realmId, String clientId) {
    AdvisoryLock.acquire(em, "client:" + realmId + ":" + clientId);
  }

  @Override
  public void lockAdministrators(String realmId) {
    AdvisoryLock.acquire(em, "administrators:" + realmId);
  }

  @Override
  public void announceChanged(String realmId, String clientId) {
    CacheNotice.send(em, CacheNotice.Topic.CLIENT, ClientDirectory.noticeKey(realmId, clientId));
  }

  private TypedQuery<OAuthClient> byClientId(String realmId, String clientId) {
    return em.createQuery(BY_CLIENT_ID, OAuthClient.class)
        .setParameter("realm", realmId)
        .setParameter("clientId", clientId);
  }
}
