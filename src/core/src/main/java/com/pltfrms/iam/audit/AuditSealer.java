package com.pltfrms.iam.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;

/**
 * Links appended audit rows into their realm's hash chain, in the order they were appended. One
 * sealer at a time per realm, across all nodes: each batch runs in a transaction of its own under a
 * PostgreSQL advisory lock keyed by the realm, taken without waiting in the background (another
 * node holding it, however stuck, only means this node skips the realm this round) and with a
 * bounded wait on request. The head moves only from the position it was read at (see {@link
 * ChainHeadRepository}). A realm whose rows fail to seal is retried with a growing pause and logged
 * once a minute; the other realms are sealed as usual.
 */
@ApplicationScoped
public class AuditSealer {

  static final int BATCH = 500;

  /** In the background, at most this many batches per realm per round, so realms take turns. */
  static final int BATCHES_PER_ROUND = 20;

  private static final int BUSY = -1;
  private static final long MAX_BACKOFF_NANOS = Duration.ofMinutes(1).toNanos();

  private AuditEventRepository events;
  private ChainHeadRepository heads;
  private AuditLocks locks;
  private AuditTransactions transactions;
  private Clock clock;

  private final RateLimitedLog log = new RateLimitedLog(AuditSealer.class, Duration.ofMinutes(1));
  private final Map<String, Backoff> failing = new ConcurrentHashMap<>();

  private record Backoff(int failures, long retryAtNanos) {}

  @Inject
  AuditSealer(
      AuditEventRepository events,
      ChainHeadRepository heads,
      AuditLocks locks,
      AuditTransactions transactions,
      Clock clock) {
    this.events = events;
    this.heads = heads;
    this.locks = locks;
    this.transactions = transactions;
    this.clock = clock;
  }

  protected AuditSealer() {}

  /** Seals what is pending in every realm, each realm on its own (the background task's round). */
  public void sealPendingRealms() {
    for (String realmId : events.realmsWithPendingRows()) {
      Backoff backoff = failing.get(realmId);
      if (backoff != null && System.nanoTime() - backoff.retryAtNanos() < 0) {
        continue;
      }
      for (int batch = 0; batch < BATCHES_PER_ROUND; batch++) {
        AuditTransactions.Attempt<Integer> sealed =
            transactions.attempt(() -> sealBatch(realmId, Duration.ZERO));
        if (!sealed.succeeded()) {
          failed(realmId, sealed.failure());
          break;
        }
        failing.remove(realmId);
        if (sealed.value() < BATCH) {
          break;
        }
      }
    }
  }

  /**
   * Seals every pending row of one realm, waiting up to {@code wait} for its lock; false if some
   * stay pending (the lock stayed taken, or sealing failed).
   */
  public boolean sealAll(String realmId, Duration wait) {
    while (true) {
      AuditTransactions.Attempt<Integer> sealed =
          transactions.attempt(() -> sealBatch(realmId, wait));
      if (!sealed.succeeded()) {
        failed(realmId, sealed.failure());
        return false;
      }
      if (sealed.value() == BUSY) {
        return false;
      }
      if (sealed.value() < BATCH) {
        return true;
      }
    }
  }

  /**
   * In the caller's transaction: takes the realm's lock (waiting up to {@code wait}) and seals up
   * to {@link #BATCH} pending rows; how many it sealed, or -1 if the lock stayed taken.
   */
  int sealBatch(String realmId, Duration wait) {
    if (!locks.lock("audit:" + realmId, wait)) {
      return BUSY;
    }
    ChainPosition head = heads.head(realmId).orElse(ChainPosition.START);
    List<AuditRecord> pending = events.pending(realmId, BATCH);
    if (pending.isEmpty()) {
      return 0;
    }
    List<AuditRecord> sealed = new ArrayList<>(pending.size());
    long seq = head.seq();
    String previous = head.hash();
    for (AuditRecord row : pending) {
      String hash = CanonicalForm.chainHash(previous, row);
      sealed.add(row.sealedAs(++seq, previous, hash));
      previous = hash;
    }
    events.seal(sealed);
    if (!heads.advance(realmId, head, new ChainPosition(seq, previous), clock.instant())) {
      throw new IllegalStateException("The chain head of realm " + realmId + " moved meanwhile");
    }
    return sealed.size();
  }

  private void failed(String realmId, RuntimeException failure) {
    Backoff previous = failing.get(realmId);
    int failures = previous == null ? 1 : previous.failures() + 1;
    long pause =
        Math.min(MAX_BACKOFF_NANOS, Duration.ofSeconds(1).toNanos() << Math.min(failures, 6));
    failing.put(realmId, new Backoff(failures, System.nanoTime() + pause));
    log.log(
        Level.WARNING,
        realmId,
        "Sealing the audit rows of realm "
            + realmId
            + " failed "
            + failures
            + " time(s) in a row; retrying with a pause, the other realms are sealed as usual",
        failure);
  }
}
