package com.pltfrms.iam.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.function.Supplier;

/**
 * Runs a piece of the audit trail's own work (sealing a realm, verifying it, closing failure
 * windows, dropping a partition) in a transaction of its own. A failure rolls that transaction back
 * and comes back as a value rather than an exception, so that one realm's failure never stops the
 * others' and Liberty does not file an FFDC incident for it every second.
 */
@ApplicationScoped
public class AuditTransactions {

  @Resource TransactionSynchronizationRegistry registry;

  /** What the work produced, or what it failed with (then nothing of it was committed). */
  public record Attempt<T>(T value, RuntimeException failure) {

    public boolean succeeded() {
      return failure == null;
    }
  }

  @Transactional(TxType.REQUIRES_NEW)
  public <T> Attempt<T> attempt(Supplier<T> work) {
    try {
      return new Attempt<>(work.get(), null);
    } catch (RuntimeException e) {
      registry.setRollbackOnly();
      return new Attempt<>(null, e);
    }
  }
}
