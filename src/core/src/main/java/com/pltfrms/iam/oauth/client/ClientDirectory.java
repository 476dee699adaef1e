package com.pltfrms.iam.oauth.client;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * Clients by realm and client id, as the token endpoint and the admin API's access check look them
 * up on every request. A short-lived cache: changes made on this node evict at commit, changes on
 * another node when their NOTIFY arrives, and within {@link #TTL} at the latest (while a node's
 * cache-notice connection is down).
 */
@ApplicationScoped
public class ClientDirectory {

  /** The longest a node serves a client another node changed. */
  public static final Duration TTL = Duration.ofSeconds(10);

  private record Key(String realmId, String clientId) {}

  private ClientRepository repository;
  private LoadingCache<Key, Optional<ClientSnapshot>> cache;

  protected ClientDirectory() {}

  @Inject
  public ClientDirectory(ClientRepository repository) {
    this.repository = repository;
    this.cache =
        Caffeine.newBuilder()
            .expireAfterWrite(TTL)
            .maximumSize(100_000)
            .build(key -> this.repository.loadSnapshot(key.realmId(), key.clientId()));
  }

  public Optional<ClientSnapshot> find(String realmId, String clientId) {
    return cache.get(new Key(realmId, clientId));
  }

  public void evict(String realmId, String clientId) {
    cache.invalidate(new Key(realmId, clientId));
  }

  /** Evicts the entry a cache notice names (see {@link #noticeKey}). */
  public void evict(String noticeKey) {
    int space = noticeKey.indexOf(' ');
    if (space > 0) {
      evict(noticeKey.substring(0, space), noticeKey.substring(space + 1));
    }
  }

  public void evictAll() {
    cache.invalidateAll();
  }

  /** Realm ids hold no space and client ids may not, so a space separates them unambiguously. */
  public static String noticeKey(String realmId, String clientId) {
    return realmId + " " + clientId;
  }
}
