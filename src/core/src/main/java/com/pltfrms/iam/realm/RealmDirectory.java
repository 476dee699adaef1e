package com.pltfrms.iam.realm;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * Realms by name, as the protocol endpoints look them up on every request. A short-lived cache in
 * front of the database: changes made on this node evict at once, changes made on another node
 * evict when their NOTIFY arrives, and show within {@link #TTL} at the latest.
 */
@ApplicationScoped
public class RealmDirectory {

  /** The longest a node serves a realm another node changed (its cache-notice link down). */
  public static final Duration TTL = Duration.ofSeconds(10);

  private RealmRepository repository;
  private LoadingCache<String, Optional<RealmSnapshot>> cache;

  protected RealmDirectory() {}

  @Inject
  public RealmDirectory(RealmRepository repository) {
    this.repository = repository;
    this.cache =
        Caffeine.newBuilder()
            .expireAfterWrite(TTL)
            .maximumSize(10_000)
            .build(name -> this.repository.loadSnapshot(name));
  }

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
}
