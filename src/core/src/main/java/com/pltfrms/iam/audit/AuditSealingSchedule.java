package com.pltfrms.iam.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Seals pending audit rows of every realm every second, in the background. */
@ApplicationScoped
public class AuditSealingSchedule {

  private static final Logger LOG = Logger.getLogger(AuditSealingSchedule.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject AuditSealer sealer;

  @Inject AuditService audit;

  private ScheduledFuture<?> task;
  private volatile long lastWarning;

  public synchronized void start() {
    if (task == null) {
      task = scheduler.scheduleWithFixedDelay(this::sealPending, 1, 1, TimeUnit.SECONDS);
    }
  }

  public synchronized void stop() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }

  private void sealPending() {
    try {
      for (String realmId : sealer.realmsWithPendingRows()) {
        audit.sealAll(realmId);
      }
    } catch (RuntimeException e) {
      // Retried every second; while the database is away, say so once a minute, not every second.
      long now = System.currentTimeMillis();
      if (now - lastWarning > 60_000) {
        lastWarning = now;
        LOG.log(Level.WARNING, "Sealing audit rows failed; retrying every second", e);
      }
    }
  }
}
