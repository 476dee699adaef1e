package com.pltfrms.iam.audit;

/**
 * Walks sealed rows in chain order and checks each link. Pure: feed it rows in order of {@code
 * chainSeq}, then ask for the result.
 */
final class ChainVerifier {

  private long checked;
  private long expectedSeq = 1;
  private String previous = CanonicalForm.GENESIS;
  private ChainVerification failure;

  /** Checks the next row; returns false once the chain is broken. */
  boolean accept(AuditRecord record) {
    if (failure != null) {
      return false;
    }
    checked++;
    if (record.chainSeq() == null || record.chainSeq() != expectedSeq) {
      failure =
          ChainVerification.broken(
              checked, expectedSeq, record.id(), "row missing at chain position " + expectedSeq);
    } else if (!previous.equals(record.prevHash())) {
      failure =
          ChainVerification.broken(
              checked, expectedSeq, record.id(), "previous hash does not match");
    } else if (!CanonicalForm.chainHash(previous, record).equals(record.hash())) {
      failure =
          ChainVerification.broken(
              checked, expectedSeq, record.id(), "hash does not match the event's content");
    } else {
      previous = record.hash();
      expectedSeq++;
      return true;
    }
    return false;
  }

  ChainVerification result() {
    return failure != null ? failure : ChainVerification.ok(checked);
  }
}
