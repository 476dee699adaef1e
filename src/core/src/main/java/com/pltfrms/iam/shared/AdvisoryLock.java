package com.pltfrms.iam.shared;

import jakarta.persistence.EntityManager;

/**
 * PostgreSQL transaction-scoped advisory locks: serialize work on one key across every node,
 * released when the transaction ends.
 */
public final class AdvisoryLock {

  private AdvisoryLock() {}

  /** Blocks until this transaction holds the lock named {@code key}. */
  public static void acquire(EntityManager em, String key) {
    em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) l")
        .setParameter(1, key)
        .getSingleResult();
  }
}
