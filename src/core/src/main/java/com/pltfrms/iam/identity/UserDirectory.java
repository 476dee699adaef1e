package com.pltfrms.iam.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Users by realm and id, as the hot paths read them on every request (UserInfo, the code exchange,
 * the SSO check at the authorization endpoint, the admin API's access check). A per-node copy of
 * live state with a stated bound: a user loaded for update (every write: edit, disable, password,
 * delete) is evicted on this node when its transaction ends and on every other node when the
 * transaction's cache notice arrives at commit; at the latest after {@link #TTL} (while a node's
 * notice connection is down). Absent users are never cached, so a new user is found at once.
 */
@ApplicationScoped
public class UserDirectory {

  /** The longest a node serves a user another node changed. */
  public static final Duration TTL = Duration.ofSeconds(10);

  private record Key(String realmId, String id) {}

  private final Cache<Key, UserSnapshot> cache =
      Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(100_000).build();

  /** The cached user, or what {@code load} finds (cached when present). */
  public Optional<UserSnapshot> find(
      String realmId, String id, Supplier<Optional<UserSnapshot>> load) {
    Key key = new Key(realmId, id);
    UserSnapshot cached = cache.getIfPresent(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<UserSnapshot> loaded = load.get();
    loaded.ifPresent(user -> cache.put(key, user));
    return loaded;
  }

  /** Evicts one user, or every user of the realm when {@code id} is {@code *}. */
  public void evict(String realmId, String id) {
    if ("*".equals(id)) {
      cache.asMap().keySet().removeIf(key -> key.realmId().equals(realmId));
    } else {
      cache.invalidate(new Key(realmId, id));
    }
  }

  /** Evicts the entry a cache notice names ({@link #noticeKey}). */
  public void evict(String noticeKey) {
    int space = noticeKey.indexOf(' ');
    if (space > 0) {
      evict(noticeKey.substring(0, space), noticeKey.substring(space + 1));
    }
  }

  public void evictAll() {
    cache.invalidateAll();
  }

  /** Realm ids and user ids hold no space, so a space separates them unambiguously. */
  public static String noticeKey(String realmId, String id) {
    return realmId + " " + id;
  }
}
