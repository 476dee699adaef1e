package com.pltfrms.iam.audit;

import com.pltfrms.iam.shared.BackgroundGate;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit trail's background work, on every node (each piece is safe to run on several at once):
 *
 * <ul>
 *   <li>every second, seal pending rows, realm by realm ({@link AuditSealer});
 *   <li>every five seconds, verify what was sealed since, sign the head of each chain that grew
 *       when its checkpoint interval has passed, and re-check a budget of older rows ({@link
 *       ChainAuditor});
 *   <li>every ten seconds, close the failure windows whose minute is over ({@link FailedAttempts});
 *   <li>every hour, add the coming months' partitions and, if a retention period is set, drop the
 *       expired ones ({@link AuditRetention}).
 * </ul>
 *
 * A failing piece is logged (rate-limited) and retried at its next turn; it never stops the others.
 */
@ApplicationScoped
public class AuditSealingSchedule {

  private static final Logger LOG = Logger.getLogger(AuditSealingSchedule.class.getName());

  /** Rows verified per realm per round, beyond the remembered position. */
  static final long TAIL_BUDGET = 100_000;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject AuditSealer sealer;
  @Inject ChainAuditor auditor;
  @Inject CheckpointService signer;
  @Inject FailedAttempts failures;
  @Inject AuditRetention retention;
  @Inject AuditTransactions transactions;
  @Inject ChainHeadRepository heads;
  @Inject VerificationRepository states;

  private final RateLimitedLog log =
      new RateLimitedLog(AuditSealingSchedule.class, Duration.ofMinutes(1));
  private final RateLimitedLog broken =
      new RateLimitedLog(AuditSealingSchedule.class, Duration.ofHours(1));
  private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
  private final BackgroundGate gate = new BackgroundGate();

  /** How long a stop waits for a round in progress before the database goes away under it. */
  static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

  public synchronized void start() {
    if (!tasks.isEmpty()) {
      return;
    }
    gate.open();
    Duration interval = checkpointInterval();
    Optional<Duration> keep = retentionPeriod();
    tasks.add(every(1, "sealing", sealer::sealPendingRealms));
    long rescanPerMinute = rescanRowsPerMinute();
    tasks.add(every(5, "verification", () -> verifyRound(interval)));
    tasks.add(every(60, "re-reading", () -> rescanRound(rescanPerMinute)));
    tasks.add(every(10, "failure windows", failures::closeEnded));
    tasks.add(
        every(
            3600,
            "partitions",
            () -> {
              retention.ensurePartitions();
              keep.ifPresent(retention::dropExpired);
            }));
  }

  /**
   * Cancels the rounds and waits for one in progress to finish, so that the database it uses (the
   * embedded one stops next) does not go away under it.
   */
  public synchronized void stop() {
    tasks.forEach(t -> t.cancel(false));
    tasks.clear();
    if (!gate.close(STOP_PATIENCE)) {
      LOG.warning("An audit round was still running " + STOP_PATIENCE + " after the stop began");
    }
  }

  private ScheduledFuture<?> every(long seconds, String what, Runnable work) {
    Runnable guarded =
        () ->
            gate.run(
                () -> {
                  try {
                    work.run();
                  } catch (RuntimeException e) {
                    log.log(Level.WARNING, what, "Audit " + what + " failed; retrying", e);
                  }
                });
    return scheduler.scheduleWithFixedDelay(
        guarded, Math.min(seconds, 5), seconds, TimeUnit.SECONDS);
  }

  private void verifyRound(Duration interval) {
    for (String realmId : heads.realmsToVerify()) {
      AuditTransactions.Attempt<ChainAuditor.Progress> step =
          transactions.attempt(() -> auditor.advance(realmId, TAIL_BUDGET, Duration.ZERO));
      if (!step.succeeded()) {
        log.log(
            Level.WARNING,
            realmId,
            "Verifying the audit chain of " + realmId + " failed",
            step.failure());
        continue;
      }
      ChainVerification result = step.value().result();
      ChainPosition verified = step.value().verified();
      if (!result.valid()) {
        broken.log(
            Level.SEVERE,
            realmId,
            "The audit chain of realm "
                + realmId
                + " is broken at position "
                + result.brokenAtSeq()
                + ": "
                + result.reason(),
            null);
      } else if (result.complete() && signer.due(realmId, verified, interval)) {
        AuditTransactions.Attempt<Optional<Checkpoint>> signed =
            transactions.attempt(() -> signer.sign(realmId, verified, Checkpoint.Purpose.INTERVAL));
        if (!signed.succeeded()) {
          log.log(
              Level.WARNING,
              "sign:" + realmId,
              "Signing the audit chain head of " + realmId + " failed",
              signed.failure());
        }
      }
    }
  }

  /** Re-reads up to {@code budget} older rows across realms, the least recently re-read first. */
  private void rescanRound(long budget) {
    for (String realmId : states.nextToRescan(10)) {
      long left = budget;
      AuditTransactions.Attempt<Long> rescanned =
          transactions.attempt(() -> auditor.rescan(realmId, left));
      budget -= rescanned.succeeded() ? Math.max(1, rescanned.value()) : 1;
      if (budget <= 0) {
        break;
      }
    }
  }

  private static Duration checkpointInterval() {
    try {
      return AuditSettings.checkpointInterval();
    } catch (IllegalArgumentException e) {
      LOG.log(Level.SEVERE, e.getMessage() + "; signing chain heads every minute instead");
      return Duration.ofSeconds(AuditSettings.DEFAULT_CHECKPOINT_SECONDS);
    }
  }

  private static long rescanRowsPerMinute() {
    try {
      return AuditSettings.rescanRowsPerMinute();
    } catch (IllegalArgumentException e) {
      LOG.log(Level.SEVERE, e.getMessage() + "; re-reading the default number of rows instead");
      return AuditSettings.DEFAULT_RESCAN_ROWS_PER_MINUTE;
    }
  }

  private static Optional<Duration> retentionPeriod() {
    try {
      return AuditSettings.retention();
    } catch (IllegalArgumentException e) {
      LOG.log(Level.SEVERE, e.getMessage() + "; keeping every audit row");
      return Optional.empty();
    }
  }
}
