package com.pltfrms.iam.oauth.client;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Optional;

/**
 * Clients by realm and client id, as the token endpoint looks them up on every request. A
 * short-lived cache: changes made on this node evict at once, changes on another node show within
 * {@link #TTL}.
 */
@ApplicationScoped
public class ClientDirectory {

  /** Read rows as PostgreSQL holds them now, never instances an earlier read left in context. */
  private static final String REFRESH_HINT = "eclipselink.refresh";

  static final Duration TTL = Duration.ofSeconds(10);

  private record Key(String realmId, String clientId) {}

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  private final LoadingCache<Key, Optional<ClientSnapshot>> cache =
      Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(100_000).build(this::load);

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

  private Optional<ClientSnapshot> load(Key key) {
    return em.createQuery(
            "SELECT c FROM OAuthClient c WHERE c.realmId = :realm AND c.clientId = :clientId",
            OAuthClient.class)
        .setParameter("realm", key.realmId())
        .setParameter("clientId", key.clientId())
        .setHint(REFRESH_HINT, "true")
        .getResultStream()
        .findFirst()
        .map(OAuthClient::snapshot);
  }
}
