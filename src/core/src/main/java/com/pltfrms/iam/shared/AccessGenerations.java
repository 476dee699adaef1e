package com.pltfrms.iam.shared;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter per realm that moves on every change to the realm's roles, groups, permissions or role
 * mappings, on this node at commit and on the others when the change's {@link
 * CacheNotice.Topic#ACCESS} notice arrives. Caches of derived access key their entries by it, so
 * one increment invalidates everything of the realm without finding the entries it affects. A
 * global epoch moves when every realm is invalidated at once (the notice connection came back).
 */
@ApplicationScoped
public class AccessGenerations {

  private final ConcurrentMap<String, AtomicLong> realms = new ConcurrentHashMap<>();
  private final AtomicLong epoch = new AtomicLong();

  /** The realm's current generation (the epoch in the high bits, the realm's count below). */
  public long current(String realmId) {
    AtomicLong counter = realms.get(realmId);
    return (epoch.get() << 40) + (counter == null ? 0 : counter.get());
  }

  public void advance(String realmId) {
    realms.computeIfAbsent(realmId, id -> new AtomicLong()).incrementAndGet();
  }

  public void advanceAll() {
    epoch.incrementAndGet();
  }
}
