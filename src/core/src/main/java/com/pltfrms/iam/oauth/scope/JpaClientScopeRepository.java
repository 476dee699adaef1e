package com.pltfrms.iam.oauth.scope;

import com.pltfrms.iam.shared.AdvisoryLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** {@link ClientScopeRepository} on the persistence unit. */
@ApplicationScoped
class JpaClientScopeRepository implements ClientScopeRepository {

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Override
  public List<ClientScope> list(String realmId) {
    return em.createQuery(
            "SELECT s FROM ClientScope s WHERE s.realmId = :realm ORDER BY s.name",
            ClientScope.class)
        .setParameter("realm", realmId)
        .getResultList();
  }

  @Override
  public Optional<ClientScope> find(String realmId, String name) {
    return em.createQuery(
            "SELECT s FROM ClientScope s WHERE s.realmId = :realm AND s.name = :name",
            ClientScope.class)
        .setParameter("realm", realmId)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(ClientScope scope) {
    em.persist(scope);
    em.flush();
  }

  @Override
  public void remove(ClientScope scope) {
    em.remove(scope);
  }

  @Override
  public void lockName(String realmId, String name) {
    AdvisoryLock.acquire(em, "client-scope:" + realmId + ":" + name);
  }
}
