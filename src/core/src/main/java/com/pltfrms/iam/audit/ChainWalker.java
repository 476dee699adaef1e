package com.pltfrms.iam.audit;

import java.util.List;

/**
 * Reads one realm's chain in batches from where a {@link ChainVerifier} stands and feeds it the
 * rows and, first, the checkpoints on the way (each checked against the realm's public keys: a
 * checkpoint that does not verify is a break). At the end of the chain, a checkpoint beyond the
 * last row means rows were cut off.
 */
final class ChainWalker {

  static final int BATCH = 1000;

  private final String realmId;
  private final AuditEventRepository events;
  private final CheckpointRepository checkpoints;
  private final CheckpointVerifier trust;
  private long checkpointSeq;

  ChainWalker(
      String realmId,
      AuditEventRepository events,
      CheckpointRepository checkpoints,
      CheckpointVerifier trust) {
    this.realmId = realmId;
    this.events = events;
    this.checkpoints = checkpoints;
    this.trust = trust;
  }

  /**
   * Walks up to {@code budget} rows after the verifier's position; true if it reached the end of
   * the chain (and checked what lies beyond), false if it stopped at the budget or a break.
   */
  boolean walk(ChainVerifier verifier, long budget) {
    long cursorSeq = verifier.lastSeq();
    long cursorId = Long.MAX_VALUE;
    long walked = 0;
    while (walked < budget) {
      int limit = (int) Math.min(BATCH, budget - walked);
      List<AuditRecord> batch = events.chainAfter(realmId, cursorSeq, cursorId, limit);
      if (!batch.isEmpty()) {
        long last = batch.get(batch.size() - 1).chainSeq();
        for (Checkpoint checkpoint : checkpoints.between(realmId, verifier.lastSeq(), last)) {
          expect(verifier, checkpoint);
        }
        for (AuditRecord row : batch) {
          walked++;
          cursorSeq = row.chainSeq();
          cursorId = row.id();
          if (!verifier.accept(row)) {
            return false;
          }
        }
      }
      if (batch.size() < limit) {
        checkpoints.after(realmId, verifier.lastSeq(), 1).forEach(c -> expect(verifier, c));
        verifier.end();
        return !verifier.broken();
      }
    }
    return false;
  }

  /** Checks a checkpoint behind the walk: validly signed, and the row at it carries its hash. */
  void checkBehind(ChainVerifier verifier, Checkpoint checkpoint) {
    String problem = trust.problem(checkpoint).orElse(null);
    if (problem != null) {
      verifier.fail(checkpoint.seq(), null, untrusted(checkpoint, problem));
    } else if (!events
        .hashAt(realmId, checkpoint.seq())
        .map(checkpoint.headHash()::equals)
        .orElse(false)) {
      verifier.fail(
          checkpoint.seq(), null, "the row differs from what the signed checkpoint at it says");
    } else {
      checkpointSeq = Math.max(checkpointSeq, checkpoint.seq());
    }
  }

  /** The newest checkpoint position this walker found valid and matching. */
  long checkpointSeq() {
    return checkpointSeq;
  }

  private void expect(ChainVerifier verifier, Checkpoint checkpoint) {
    String problem = trust.problem(checkpoint).orElse(null);
    if (problem != null) {
      verifier.fail(checkpoint.seq(), null, untrusted(checkpoint, problem));
    } else {
      verifier.expect(checkpoint);
      checkpointSeq = Math.max(checkpointSeq, checkpoint.seq());
    }
  }

  static String untrusted(Checkpoint checkpoint, String problem) {
    return "the checkpoint at " + checkpoint.seq() + " cannot be trusted: " + problem;
  }
}
