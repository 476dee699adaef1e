package com.pltfrms.iam.audit;

/**
 * The outcome of checking a realm's audit chain from its first row to its last.
 *
 * @param valid whether every row's hash matches H(previous hash || canonical event)
 * @param checked how many rows were checked
 * @param brokenAtSeq the chain position of the first row that does not match, or null
 * @param brokenAtId the id of that row, or null
 * @param reason why it does not match, or null
 */
public record ChainVerification(
    boolean valid, long checked, Long brokenAtSeq, Long brokenAtId, String reason) {

  static ChainVerification ok(long checked) {
    return new ChainVerification(true, checked, null, null, null);
  }

  static ChainVerification broken(long checked, long seq, Long id, String reason) {
    return new ChainVerification(false, checked, seq, id, reason);
  }
}
