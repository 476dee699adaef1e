package com.pltfrms.iam.audit;

import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Verifies realms' chains and remembers how far (a {@link VerificationState} per realm), so that an
 * answer costs the rows added since, not the whole chain:
 *
 * <ul>
 *   <li>{@link #advance} checks the rows after the remembered position link by link (and every
 *       checkpoint on the way), and re-checks cheaply what lies behind it: the row at the
 *       remembered position still has the hash it had, the head is not behind it, no checkpoint
 *       that was seen is gone, and every checkpoint signed since matches its row;
 *   <li>{@link #rescan} re-checks the whole chain from its anchor, a budget of rows at a time, so
 *       that a row changed behind the position is found within one pass;
 *   <li>{@link #walkFrom} checks from any position on request (a full check from position 1).
 * </ul>
 *
 * A break, once found, is recorded and reported from then on. Runs in the caller's transaction;
 * work that moves the remembered state holds the realm's verification lock.
 */
@ApplicationScoped
public class ChainAuditor {

  private static final String LOCK = "audit-verify:";

  private AuditEventRepository events;
  private ChainHeadRepository heads;
  private CheckpointRepository checkpoints;
  private VerificationRepository states;
  private AuditLocks locks;
  private Clock clock;

  /** A verification and the position it verified the chain to. */
  record Progress(ChainVerification result, ChainPosition verified) {}

  /** What every check of one realm starts from. */
  private record Context(
      String realmId,
      Instant now,
      CheckpointVerifier trust,
      ChainPosition head,
      ChainPosition anchor,
      String anchorProblem,
      Checkpoint latest) {}

  @Inject
  ChainAuditor(
      AuditEventRepository events,
      ChainHeadRepository heads,
      CheckpointRepository checkpoints,
      VerificationRepository states,
      AuditLocks locks,
      Clock clock) {
    this.events = events;
    this.heads = heads;
    this.checkpoints = checkpoints;
    this.states = states;
    this.locks = locks;
    this.clock = clock;
  }

  protected ChainAuditor() {}

  /**
   * Verifies up to {@code budget} rows beyond the remembered position and remembers the new one,
   * waiting up to {@code lockWait} for the realm's verification lock (without it: the remembered
   * answer).
   */
  Progress advance(String realmId, long budget, Duration lockWait) {
    if (!locks.lock(LOCK + realmId, lockWait)) {
      return standing(realmId);
    }
    Context context = context(realmId);
    VerificationState state = state(context);
    if (state.broken()) {
      return new Progress(recorded(state, context), state.verified());
    }
    ChainVerifier verifier = new ChainVerifier(state.verified().seq(), state.verified().hash());
    ChainWalker walker = walker(context);
    checkBehind(context, state, verifier, walker);
    boolean end = !verifier.broken() && walker.walk(verifier, budget);
    if (end && verifier.lastSeq() < context.head().seq()) {
      verifier.fail(
          verifier.lastSeq() + 1,
          null,
          "the chain ends at " + verifier.lastSeq() + " but its head is " + context.head().seq());
    }
    ChainVerification result =
        covering(verifier, context.anchor().seq() + 1, context, end, state.fullPassAt());
    if (!result.valid()) {
      states.recordBreak(
          state, result.brokenAtSeq(), result.brokenAtId(), result.reason(), context.now());
      return new Progress(result, state.verified());
    }
    ChainPosition reached = new ChainPosition(verifier.lastSeq(), verifier.lastHash());
    long checkpointSeq = Math.min(walker.checkpointSeq(), reached.seq());
    states.save(state.verifiedTo(reached, checkpointSeq, context.now()));
    return new Progress(result, reached);
  }

  /**
   * Re-checks up to {@code budget} rows of the realm's chain where the current pass got to (a pass
   * runs from the anchor to the remembered position); how many rows it checked. Skips the realm
   * when another check holds its lock.
   */
  long rescan(String realmId, long budget) {
    if (!locks.tryLock(LOCK + realmId)) {
      return 0;
    }
    Optional<VerificationState> stored = states.find(realmId);
    if (stored.isEmpty() || stored.get().broken()) {
      return 0;
    }
    VerificationState state = stored.get();
    Context context = context(realmId);
    if (context.anchorProblem() != null) {
      states.recordBreak(
          state, context.anchor().seq(), null, context.anchorProblem(), context.now());
      return 0;
    }
    ChainPosition start =
        state.rescan().seq() < context.anchor().seq() ? context.anchor() : state.rescan();
    long remaining = state.verified().seq() - start.seq();
    if (remaining <= 0) {
      states.save(state.fullPassDone(context.anchor(), context.now()));
      return 0;
    }
    ChainVerifier verifier = new ChainVerifier(start.seq(), start.hash());
    walker(context).walk(verifier, Math.min(budget, remaining));
    if (!verifier.broken() && verifier.lastSeq() >= state.verified().seq()) {
      if (!verifier.lastHash().equals(state.verified().hash())) {
        verifier.fail(
            state.verified().seq(), null, "the row changed since the background verifier saw it");
      } else {
        states.save(state.fullPassDone(context.anchor(), context.now()));
      }
    } else if (!verifier.broken()) {
      states.save(state.rescannedTo(new ChainPosition(verifier.lastSeq(), verifier.lastHash())));
    }
    if (verifier.broken()) {
      ChainVerification broken = verifier.result();
      states.recordBreak(
          state, broken.brokenAtSeq(), broken.brokenAtId(), broken.reason(), context.now());
    }
    return verifier.lastSeq() - start.seq();
  }

  /**
   * Checks up to {@code budget} rows from position {@code fromSeq}, trusting the row before it (the
   * anchor when {@code fromSeq} is at or before it). Moves nothing remembered but a break.
   *
   * @throws ApplicationProblem when {@code fromSeq} lies beyond the position after the head
   */
  ChainVerification walkFrom(String realmId, long fromSeq, long budget) {
    Context context = context(realmId);
    if (fromSeq > context.head().seq() + 1) {
      throw ApplicationProblem.invalid(
          "fromSeq is past the chain's head (" + context.head().seq() + ")");
    }
    VerificationState state = state(context);
    ChainVerifier verifier;
    if (fromSeq <= context.anchor().seq() + 1) {
      verifier = new ChainVerifier(context.anchor().seq(), context.anchor().hash());
      if (context.anchorProblem() != null) {
        verifier.fail(context.anchor().seq(), null, context.anchorProblem());
      }
    } else {
      String before = events.hashAt(realmId, fromSeq - 1).orElse(null);
      verifier = new ChainVerifier(fromSeq - 1, before == null ? "" : before);
      if (before == null) {
        verifier.fail(fromSeq - 1, null, "row missing at chain position " + (fromSeq - 1));
      }
    }
    long start = verifier.lastSeq() + 1;
    boolean end = !verifier.broken() && walker(context).walk(verifier, budget);
    if (end && verifier.lastSeq() < context.head().seq()) {
      verifier.fail(
          verifier.lastSeq() + 1,
          null,
          "the chain ends at " + verifier.lastSeq() + " but its head is " + context.head().seq());
    }
    ChainVerification result = covering(verifier, start, context, end, state.fullPassAt());
    if (!result.valid()) {
      states.recordBreak(
          state, result.brokenAtSeq(), result.brokenAtId(), result.reason(), context.now());
    }
    return result;
  }

  /** The remembered answer, without checking anything now. */
  Progress standing(String realmId) {
    Context context = context(realmId);
    VerificationState state = state(context);
    if (state.broken()) {
      return new Progress(recorded(state, context), state.verified());
    }
    long anchor = context.anchor().seq();
    long through = state.verified().seq();
    ChainVerification result =
        new ChainVerification(
            true,
            through - anchor,
            null,
            null,
            null,
            anchor + 1,
            through,
            context.head().seq(),
            anchor,
            through >= context.head().seq(),
            context.latest(),
            state.fullPassAt());
    return new Progress(result, state.verified());
  }

  /** The realm's chain head: its last sealed position (position 0 before any). */
  ChainPosition head(String realmId) {
    return heads.head(realmId).orElse(ChainPosition.START);
  }

  private Context context(String realmId) {
    CheckpointVerifier trust = CheckpointVerifier.trusting(checkpoints.keys(realmId));
    ChainPosition anchor = ChainPosition.START;
    String anchorProblem = null;
    Optional<Checkpoint> retention = checkpoints.newestRetention(realmId);
    if (retention.isPresent()) {
      anchor = new ChainPosition(retention.get().seq(), retention.get().headHash());
      anchorProblem =
          trust
              .problem(retention.get())
              .map(p -> "the retention anchor at " + retention.get().seq() + " is not valid: " + p)
              .orElse(null);
    }
    return new Context(
        realmId,
        clock.instant(),
        trust,
        head(realmId),
        anchor,
        anchorProblem,
        checkpoints.latest(realmId).orElse(null));
  }

  private VerificationState state(Context context) {
    return states
        .find(context.realmId())
        .filter(s -> s.broken() || s.verified().seq() >= context.anchor().seq())
        .orElseGet(
            () -> VerificationState.initial(context.realmId(), context.anchor(), context.now()));
  }

  private ChainWalker walker(Context context) {
    return new ChainWalker(context.realmId(), events, checkpoints, context.trust());
  }

  /** The cheap checks of what lies behind the remembered position. */
  private void checkBehind(
      Context context, VerificationState state, ChainVerifier verifier, ChainWalker walker) {
    long verified = state.verified().seq();
    long latest = context.latest() == null ? 0 : context.latest().seq();
    if (context.anchorProblem() != null) {
      verifier.fail(context.anchor().seq(), null, context.anchorProblem());
    } else if (context.head().seq() < verified) {
      verifier.fail(
          context.head().seq() + 1,
          null,
          "the chain head is at " + context.head().seq() + ", behind " + verified + " verified");
    } else if (verified > context.anchor().seq()
        && !events
            .hashAt(context.realmId(), verified)
            .map(state.verified().hash()::equals)
            .orElse(false)) {
      verifier.fail(verified, null, "the row changed or went since it was verified");
    } else if (latest < state.checkpointSeq()) {
      verifier.fail(
          state.checkpointSeq(),
          null,
          "the signed checkpoint at " + state.checkpointSeq() + " is gone");
    } else {
      long after = Math.max(state.checkpointSeq(), context.anchor().seq());
      for (Checkpoint checkpoint : checkpoints.between(context.realmId(), after, verified)) {
        walker.checkBehind(verifier, checkpoint);
        if (verifier.broken()) {
          return;
        }
      }
    }
  }

  /** The verifier's result as an answer about the chain from {@code fromSeq}. */
  private static ChainVerification covering(
      ChainVerifier verifier, long fromSeq, Context context, boolean end, Instant fullPassAt) {
    ChainVerification r = verifier.result();
    long stop = r.valid() ? verifier.lastSeq() : r.brokenAtSeq();
    return new ChainVerification(
        r.valid(),
        Math.max(0, stop - fromSeq + 1),
        r.brokenAtSeq(),
        r.brokenAtId(),
        r.reason(),
        fromSeq,
        r.valid() ? verifier.lastSeq() : Math.max(fromSeq - 1, r.brokenAtSeq() - 1),
        context.head().seq(),
        context.anchor().seq(),
        end && r.valid(),
        context.latest(),
        fullPassAt);
  }

  private static ChainVerification recorded(VerificationState state, Context context) {
    long anchor = context.anchor().seq();
    return new ChainVerification(
        false,
        Math.max(0, state.brokenSeq() - anchor),
        state.brokenSeq(),
        state.brokenId(),
        state.brokenReason(),
        anchor + 1,
        Math.max(anchor, state.brokenSeq() - 1),
        context.head().seq(),
        anchor,
        true,
        context.latest(),
        state.fullPassAt());
  }
}
