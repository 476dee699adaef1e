package com.pltfrms.iam.realm;

import com.pltfrms.iam.shared.AdvisoryLock;
import com.pltfrms.iam.shared.CacheNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** {@link RealmRepository} on the persistence unit. */
@ApplicationScoped
class JpaRealmRepository implements RealmRepository {

  /** Read rows as PostgreSQL holds them now, never instances an earlier read left in context. */
  private static final String REFRESH_HINT = "eclipselink.refresh";

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Override
  public Optional<Realm> findByName(String name) {
    return em.createQuery("SELECT r FROM Realm r WHERE r.name = :name", Realm.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Realm> findByNameForUpdate(String name) {
    return em.createQuery("SELECT r FROM Realm r WHERE r.name = :name", Realm.class)
        .setParameter("name", name)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<RealmSnapshot> loadSnapshot(String name) {
    return em.createQuery("SELECT r FROM Realm r WHERE r.name = :name", Realm.class)
        .setParameter("name", name)
        .setHint(REFRESH_HINT, "true")
        .getResultStream()
        .findFirst()
        .map(Realm::snapshot);
  }

  @Override
  public List<Realm> list(int offset, int limit) {
    return em.createQuery("SELECT r FROM Realm r ORDER BY r.name", Realm.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<Realm> listAfter(String after, int limit) {
    if (after == null) {
      return list(0, limit);
    }
    return em.createQuery(
            "SELECT r FROM Realm r WHERE r.name > :after ORDER BY r.name", Realm.class)
        .setParameter("after", after)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<Realm> listBefore(String before, int limit) {
    List<Realm> descending =
        new ArrayList<>(
            em.createQuery(
                    "SELECT r FROM Realm r WHERE r.name < :before ORDER BY r.name DESC",
                    Realm.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList());
    Collections.reverse(descending);
    return descending;
  }

  @Override
  public long countBefore(String name) {
    return em.createQuery("SELECT COUNT(r) FROM Realm r WHERE r.name < :name", Long.class)
        .setParameter("name", name)
        .getSingleResult();
  }

  @Override
  public long count() {
    return em.createQuery("SELECT COUNT(r) FROM Realm r", Long.class).getSingleResult();
  }

  @Override
  public void add(Realm realm) {
    em.persist(realm);
    em.flush();
  }

  @Override
  public void flush() {
    em.flush();
  }

  @Override
  public void remove(Realm realm) {
    em.remove(realm);
  }

  @Override
  public void lockName(String name) {
    AdvisoryLock.acquire(em, "realm:" + name);
  }

  @Override
  public void announceChanged(String name) {
    CacheNotice.send(em, CacheNotice.Topic.REALM, name);
  }
}
