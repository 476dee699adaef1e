package com.pltfrms.iam.audit;

import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.Page;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Reads a realm's audit trail, verifies its hash chain, signs its head on request and exports it.
 * Verification answers from what the background verifier remembers plus the rows added since, so it
 * costs the same at a hundred rows and at a hundred million; a full check runs from a chosen
 * position. Export streams the chain in batches from any position.
 */
@ApplicationScoped
public class AuditService {

  /** How long a request waits for another sealer or verifier of the realm. */
  static final Duration WAIT = Duration.ofSeconds(5);

  /** At most this many rows are checked in one verification request. */
  static final long VERIFY_BUDGET = 200_000;

  static final long FULL_VERIFY_BUDGET = 1_000_000;

  private AuditEventRepository events;
  private CheckpointRepository checkpoints;
  private AuditSealer sealer;
  private ChainAuditor auditor;
  private CheckpointService signer;
  private FailedAttempts failures;
  private AuditTransactions transactions;
  private Clock clock;

  @Inject
  AuditService(
      AuditEventRepository events,
      CheckpointRepository checkpoints,
      AuditSealer sealer,
      ChainAuditor auditor,
      CheckpointService signer,
      FailedAttempts failures,
      AuditTransactions transactions,
      Clock clock) {
    this.events = events;
    this.checkpoints = checkpoints;
    this.sealer = sealer;
    this.auditor = auditor;
    this.signer = signer;
    this.failures = failures;
    this.transactions = transactions;
    this.clock = clock;
  }

  protected AuditService() {}

  public Page<AuditRecord> list(String realmId, AuditQuery query) {
    return new Page<>(
        events.page(realmId, query),
        query.page().offset(),
        query.page().limit(),
        events.count(realmId, query));
  }

  /**
   * Seals what is pending, then answers from the remembered verification plus the rows after it (up
   * to {@value #VERIFY_BUDGET}; {@link ChainVerification#complete()} says whether it reached the
   * head).
   */
  public ChainVerification verify(String realmId) {
    sealer.sealAll(realmId, WAIT);
    return run(() -> auditor.advance(realmId, VERIFY_BUDGET, WAIT)).result();
  }

  /**
   * Seals what is pending, then checks every row from position {@code fromSeq} (up to {@value
   * #FULL_VERIFY_BUDGET}; resume from {@code throughSeq + 1}); from position 1 it checks the whole
   * chain from its anchor.
   */
  public ChainVerification verify(String realmId, long fromSeq) {
    requirePosition(fromSeq);
    sealer.sealAll(realmId, WAIT);
    return run(() -> auditor.walkFrom(realmId, fromSeq, FULL_VERIFY_BUDGET));
  }

  /** Seals every pending row of one realm (waiting a little for another sealer of it). */
  public void sealAll(String realmId) {
    sealer.sealAll(realmId, WAIT);
  }

  /**
   * Seals what is pending, verifies the chain to its head, and signs the head into a checkpoint
   * (unless it has one). A chain known to be broken is not signed.
   */
  public SignedHead checkpoint(String realmId) {
    sealer.sealAll(realmId, WAIT);
    ChainAuditor.Progress progress = run(() -> auditor.advance(realmId, VERIFY_BUDGET, WAIT));
    ChainVerification result = progress.result();
    if (!result.valid()) {
      throw ApplicationProblem.conflict(
          "the chain is broken at " + result.brokenAtSeq() + ": its head is not signed");
    }
    if (!result.complete() || progress.verified().seq() == 0) {
      throw ApplicationProblem.conflict("the chain is not verified to its head yet; try again");
    }
    return run(
        () -> {
          List<Checkpoint> existing = checkpoints.at(realmId, progress.verified().seq());
          if (!existing.isEmpty()) {
            return new SignedHead(existing.get(0), false);
          }
          return signer
              .sign(realmId, progress.verified(), Checkpoint.Purpose.REQUEST)
              .map(c -> new SignedHead(c, true))
              .orElseThrow(() -> new IllegalStateException("No key can sign for " + realmId));
        });
  }

  /** The realm's checkpoints, newest first. */
  public Page<Checkpoint> checkpoints(String realmId, PageRequest page) {
    return new Page<>(
        checkpoints.page(realmId, page.offset(), page.limit()),
        page.offset(),
        page.limit(),
        checkpoints.count(realmId));
  }

  /** The realm's checkpoints at chain position {@code seq} (one per purpose at most). */
  public List<Checkpoint> checkpointsAt(String realmId, long seq) {
    return checkpoints.at(realmId, seq);
  }

  /** The realm's failure windows still open (their events are written when they close). */
  public List<FailureWindow> openFailureWindows(String realmId) {
    return failures.open(realmId);
  }

  /**
   * Seals what is pending, then hands the realm's trail to {@code sink} from position {@code
   * fromSeq} on (or from the anchor, if that is later), a batch of rows at a time.
   */
  public void export(String realmId, long fromSeq, ExportSink sink) {
    requirePosition(fromSeq);
    sealer.sealAll(realmId, WAIT);
    Optional<Checkpoint> anchor = checkpoints.newestRetention(realmId);
    long start = Math.max(fromSeq, anchor.map(Checkpoint::seq).orElse(0L) + 1);
    sink.header(
        new ExportSink.Header(
            realmId, start, auditor.head(realmId).seq(), anchor.orElse(null), clock.instant()));
    sink.keys(checkpoints.keys(realmId));
    long cursorSeq = start - 1;
    long cursorId = Long.MAX_VALUE;
    while (true) {
      List<AuditRecord> batch = events.chainAfter(realmId, cursorSeq, cursorId, ChainWalker.BATCH);
      if (batch.isEmpty()) {
        break;
      }
      long last = batch.get(batch.size() - 1).chainSeq();
      Deque<Checkpoint> due = new ArrayDeque<>(checkpoints.between(realmId, cursorSeq, last));
      for (AuditRecord event : batch) {
        while (!due.isEmpty() && due.peekFirst().seq() < event.chainSeq()) {
          sink.checkpoint(due.removeFirst());
        }
        sink.event(event);
        while (!due.isEmpty() && due.peekFirst().seq() == event.chainSeq()) {
          sink.checkpoint(due.removeFirst());
        }
        cursorSeq = event.chainSeq();
        cursorId = event.id();
      }
      due.forEach(sink::checkpoint);
      if (batch.size() < ChainWalker.BATCH) {
        break;
      }
    }
    List<Checkpoint> beyond;
    while (!(beyond = checkpoints.after(realmId, cursorSeq, ChainWalker.BATCH)).isEmpty()) {
      beyond.forEach(sink::checkpoint);
      cursorSeq = beyond.get(beyond.size() - 1).seq();
    }
  }

  private static void requirePosition(long fromSeq) {
    if (fromSeq < 1) {
      throw ApplicationProblem.invalid("fromSeq must be a chain position, 1 or more");
    }
  }

  /** Runs {@code work} in a transaction of its own; its failure reaches the caller as itself. */
  private <T> T run(java.util.function.Supplier<T> work) {
    AuditTransactions.Attempt<T> attempt = transactions.attempt(work);
    if (!attempt.succeeded()) {
      throw attempt.failure();
    }
    return attempt.value();
  }
}
