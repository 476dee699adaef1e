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
    return byClientId(realmId, clientId).getResultStream().findFirst();
  }

  @Override
  public Optional<OAuthClient> findForUpdate(String realmId, String clientId) {
    return byClientId(realmId, clientId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<ClientSnapshot> loadSnapshot(String realmId, String clientId) {
    return byClientId(realmId, clientId)
        .setHint(REFRESH_HINT, "true")
        .getResultStream()
        .findFirst()
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
        .getResultList();
  }

  @Override
  public long count(String realmId) {
    return em.createQuery("SELECT COUNT(c) FROM OAuthClient c WHERE c.realmId = :realm", Long.class)
        .setParameter("realm", realmId)
        .getSingleResult();
  }

  @Override
  public List<OAuthClient> enabledWithRole(String realmId, String role) {
    // Roles are stored space-delimited; the few enabled clients of a realm are filtered here.
    return em.createQuery(
            "SELECT c FROM OAuthClient c WHERE c.realmId = :realm AND c.enabled = TRUE",
            OAuthClient.class)
        .setParameter("realm", realmId)
        .getResultStream()
        .filter(c -> c.hasRole(role))
        .toList();
  }

  @Override
  public void add(OAuthClient client) {
    em.persist(client);
  }

  @Override
  public void flush() {
    em.flush();
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
