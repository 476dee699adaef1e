package com.pltfrms.iam.oauth.grant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.pltfrms.iam.oauth.grant.AuthorizationCodeRepository.LiveFamily;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which token families are live, as UserInfo asks for every request. A per-node copy with a stated
 * bound: a revocation evicts the family on this node when its transaction ends and on every other
 * node when its cache notice arrives at commit, and a live entry is reread after {@link #TTL} at
 * the latest. An answer of "not live" is kept for as long as the entry lives: a revoked family
 * never comes back, and a family is stored before any token names it.
 */
@ApplicationScoped
public class FamilyDirectory {

  /** The longest a node trusts a family another node revoked, when its notice went missing. */
  public static final Duration TTL = Duration.ofSeconds(10);

  private record Entry(String realmId, Optional<LiveFamily> live) {}

  private final Cache<String, Entry> cache =
      Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(200_000).build();

  /** The live family of the realm, from the cache or from {@code load} (then cached). */
  public Optional<LiveFamily> find(
      String realmId, String familyId, Supplier<Optional<LiveFamily>> load) {
    Entry entry = cache.getIfPresent(familyId);
    if (entry == null || !entry.realmId().equals(realmId)) {
      entry = new Entry(realmId, load.get());
      cache.put(familyId, entry);
    }
    return entry.live();
  }

  public void evict(String familyId) {
    cache.invalidate(familyId);
  }

  public void evictAll() {
    cache.invalidateAll();
  }
}
