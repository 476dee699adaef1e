package com.pltfrms.iam.organisation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user's organisations with the organisation roles held in each, as effective access merges them
 * (and the {@code organization} claim shows them: {@code
 * {"globex":{"id":"…","roles":["approver"]}}}). Only enabled organisations count. Read in one query
 * and cached per node: changes on this node evict at commit, changes on other nodes when their
 * NOTIFY arrives ({@link com.pltfrms.iam.shared.CacheNotice.Topic#ORGANISATION}), and show within
 * {@link #TTL} at the latest should that link be down.
 */
@ApplicationScoped
public class OrganisationAccess {

  /** The longest a node serves memberships another node changed (its cache-notice link down). */
  public static final Duration TTL = Duration.ofSeconds(10);

  /** The notice key that evicts every user's entry. */
  public static final String ALL = "*";

  private OrganisationRepository repository;
  private Cache<String, Entry> cache;

  /** A user's grants, with the realm they were read for (user ids are unique across realms). */
  private record Entry(String realmId, Map<String, OrganisationGrant> grants) {}

  protected OrganisationAccess() {}

  @Inject
  public OrganisationAccess(OrganisationRepository repository) {
    this.repository = repository;
    this.cache = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(100_000).build();
  }

  /**
   * The user's grants keyed by organisation alias, in alias order; empty for a user of no
   * organisation (or of another realm).
   */
  public Map<String, OrganisationGrant> of(String realmId, String userId) {
    Entry entry = cache.get(userId, id -> new Entry(realmId, load(realmId, id)));
    return entry.realmId().equals(realmId) ? entry.grants() : Map.of();
  }

  private Map<String, OrganisationGrant> load(String realmId, String userId) {
    Map<String, OrganisationGrant> grants = new LinkedHashMap<>();
    repository.grantsOf(realmId, userId).forEach(g -> grants.put(g.alias(), g));
    return Collections.unmodifiableMap(grants);
  }

  /** Drops the entry of user {@code key}, or every entry for {@link #ALL}. */
  public void evict(String key) {
    if (ALL.equals(key)) {
      evictAll();
    } else {
      cache.invalidate(key);
    }
  }

  public void evictAll() {
    cache.invalidateAll();
  }
}
