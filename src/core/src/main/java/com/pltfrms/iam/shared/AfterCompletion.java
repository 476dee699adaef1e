package com.pltfrms.iam.shared;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs a piece of work when the current transaction ends (or at once without one). Caches evict
 * through it, so that no reader can load and cache the state from before the commit.
 */
@ApplicationScoped
public class AfterCompletion {

  @Resource TransactionSynchronizationRegistry registry;

  public void run(Runnable work) {
    work.run();
    if (registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
      registry.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              work.run();
            }
          });
    }
  }
}
