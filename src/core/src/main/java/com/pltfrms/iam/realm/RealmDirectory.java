package com.pltfrms.iam.realm;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Optional;

/**
 * Realms by name, as the protocol endpoints look them up on every request. A short-lived cache in
 * front of the database: changes made on this node evict at once, changes made on another node show
 * within {@link #TTL}.
 */
@ApplicationScoped
public class RealmDirectory {

  /** Read rows as PostgreSQL holds them now, never instances an earlier read left in context. */
  private static final String REFRESH_HINT = "eclipselink.refresh";

  static final Duration TTL = Duration.ofSeconds(10);

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  private final LoadingCache<String, Optional<RealmSnapshot>> cache =
      Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build(this::load);

  /** The realm of this name, if it exists; a malformed name simply does not exist. */
  public Optional<RealmSnapshot> find(String name) {
    if (!RealmName.isWellFormed(name)) {
      return Optional.empty();
    }
    return cache.get(name);
  }

  public void evict(String name) {
    cache.invalidate(name);
  }

  public void evictAll() {
    cache.invalidateAll();
  }

  private Optional<RealmSnapshot> load(String name) {
    return em.createQuery("SELECT r FROM Realm r WHERE r.name = :name", Realm.class)
        .setParameter("name", name)
        .setHint(REFRESH_HINT, "true")
        .getResultStream()
        .findFirst()
        .map(Realm::snapshot);
  }
}
