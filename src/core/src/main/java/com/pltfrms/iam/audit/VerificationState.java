package com.pltfrms.iam.audit;

import java.time.Instant;

/**
 * Where the background verifier got to in one realm's chain.
 *
 * @param verified every position up to this one was checked link by link, and this is its hash
 * @param checkpointSeq the newest checkpoint position found valid and matching (0 if none)
 * @param rescan where the current re-check of the whole chain (from its anchor) got to
 * @param rescanStartedAt when that re-check started
 * @param fullPassAt when a re-check last reached {@code verified}, or null
 * @param brokenSeq where the chain was found broken, or null; a break stays recorded
 */
record VerificationState(
    String realmId,
    ChainPosition verified,
    Instant verifiedAt,
    long checkpointSeq,
    ChainPosition rescan,
    Instant rescanStartedAt,
    Instant fullPassAt,
    Long brokenSeq,
    Long brokenId,
    String brokenReason) {

  /** Nothing verified yet: everything from {@code anchor} on is still to check. */
  static VerificationState initial(String realmId, ChainPosition anchor, Instant now) {
    return new VerificationState(
        realmId, anchor, now, anchor.seq(), anchor, now, null, null, null, null);
  }

  boolean broken() {
    return brokenSeq != null;
  }

  VerificationState verifiedTo(ChainPosition position, long checkpoint, Instant now) {
    return new VerificationState(
        realmId,
        position,
        now,
        Math.max(checkpointSeq, checkpoint),
        rescan,
        rescanStartedAt,
        fullPassAt,
        brokenSeq,
        brokenId,
        brokenReason);
  }

  VerificationState rescannedTo(ChainPosition position) {
    return new VerificationState(
        realmId,
        verified,
        verifiedAt,
        checkpointSeq,
        position,
        rescanStartedAt,
        fullPassAt,
        brokenSeq,
        brokenId,
        brokenReason);
  }

  /** A re-check reached the verified position: start the next one from {@code anchor}. */
  VerificationState fullPassDone(ChainPosition anchor, Instant now) {
    return new VerificationState(
        realmId,
        verified,
        verifiedAt,
        checkpointSeq,
        anchor,
        now,
        now,
        brokenSeq,
        brokenId,
        brokenReason);
  }
}
