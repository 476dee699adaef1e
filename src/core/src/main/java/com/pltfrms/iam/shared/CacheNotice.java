package com.pltfrms.iam.shared;

import jakarta.persistence.EntityManager;

/**
 * Tells every node to drop a cached entry, through PostgreSQL {@code NOTIFY}: sent inside the
 * transaction that changed the row, so it is delivered when (and only if) that transaction commits.
 * Each node's listener (in {@code runtime}) evicts the entry from its cache.
 */
public final class CacheNotice {

  /** The PostgreSQL channel all nodes listen on. */
  public static final String CHANNEL = "iam_cache";

  /** What kind of cache entry a notice is about. */
  public enum Topic {
    REALM,
    CLIENT,
    KEYS,
    /** Roles, groups, permissions or mappings of a realm changed: the key is the realm's id. */
    ACCESS,
    /** A user's organisations and organisation roles (the key is the user id, or {@code *}). */
    ORGANISATION,
    /** A user changed: the key is the realm's id and the user's id (or {@code *}), spaced. */
    USER,
    /** A realm's user profile changed: the key is the realm's id. */
    USER_PROFILE,
    /** A token family was revoked: the key is the family's id. */
    TOKEN_FAMILY,
    /** An access token was revoked: the key is its jti and its exp (epoch seconds), spaced. */
    REVOKED_ACCESS_TOKEN
  }

  private CacheNotice() {}

  /** Sends the notice in the current transaction; {@code key} names the entry. */
  public static void send(EntityManager em, Topic topic, String key) {
    em.createNativeQuery("SELECT count(*) FROM (SELECT pg_notify(?1, ?2)) n")
        .setParameter(1, CHANNEL)
        .setParameter(2, topic.name() + ":" + key)
        .getSingleResult();
  }
}
