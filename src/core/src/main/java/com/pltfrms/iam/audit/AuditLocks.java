package com.pltfrms.iam.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * PostgreSQL transaction-scoped advisory locks for the audit trail's per-realm work (sealing,
 * verifying), taken without waiting or with a bounded wait: one realm's work never queues behind
 * another node's, however stuck that node is. Released when the transaction ends.
 */
@ApplicationScoped
public class AuditLocks {

  private static final long POLL_MILLIS = 50;

  @Resource(lookup = "jdbc/iam")
  DataSource dataSource;

  /** Takes the lock named {@code key} if it is free now; false if someone holds it. */
  boolean tryLock(String key) {
    return Sql.first(
            dataSource,
            "SELECT pg_try_advisory_xact_lock(hashtext(?))",
            rs -> rs.getBoolean(1),
            key)
        .orElse(false);
  }

  /** Takes the lock named {@code key}, waiting up to {@code wait}; false if it stayed taken. */
  boolean lock(String key, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!tryLock(key)) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
