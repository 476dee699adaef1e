package com.pltfrms.iam.audit;

import java.time.Instant;

/**
 * The outcome of checking (part of) a realm's audit chain.
 *
 * @param valid whether every row checked links to the one before it, hashes to its stored hash and
 *     matches every signed checkpoint on the way, and whether the chain reaches every checkpoint
 * @param checked how many rows this answer covers: from {@code fromSeq} to where checking stopped
 * @param brokenAtSeq the chain position where the chain stops matching, or null
 * @param brokenAtId the id of the row there, or null (a missing row has none)
 * @param reason why it does not match, or null
 * @param fromSeq the first chain position covered (the one after the anchor, unless asked
 *     otherwise)
 * @param throughSeq the last chain position covered
 * @param headSeq the last sealed position of the chain
 * @param anchorSeq the position the chain is checked from: 0 (its start) or, once retention dropped
 *     older rows, the position of the signed retention checkpoint that took their place
 * @param complete whether checking reached the head; false when the answer stopped at its budget
 * @param latestCheckpoint the newest signed checkpoint of the chain, or null
 * @param fullPassAt when the background verifier last finished re-checking every row, or null
 */
public record ChainVerification(
    boolean valid,
    long checked,
    Long brokenAtSeq,
    Long brokenAtId,
    String reason,
    long fromSeq,
    long throughSeq,
    long headSeq,
    long anchorSeq,
    boolean complete,
    Checkpoint latestCheckpoint,
    Instant fullPassAt) {

  /** A break at {@code seq}, found after checking {@code checked} rows from {@code fromSeq}. */
  static ChainVerification broken(long fromSeq, long checked, long seq, Long id, String reason) {
    return new ChainVerification(
        false, checked, seq, id, reason, fromSeq, seq - 1, seq - 1, fromSeq - 1, true, null, null);
  }

  /** This result, placed in the chain: its head, anchor, newest checkpoint and last full pass. */
  ChainVerification within(
      long headSeq,
      long anchorSeq,
      boolean complete,
      Checkpoint latestCheckpoint,
      Instant fullPassAt) {
    return new ChainVerification(
        valid,
        checked,
        brokenAtSeq,
        brokenAtId,
        reason,
        fromSeq,
        throughSeq,
        headSeq,
        anchorSeq,
        complete,
        latestCheckpoint,
        fullPassAt);
  }
}
