package com.pltfrms.iam.audit;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Walks sealed rows in chain order and checks each link: the position follows the previous one, the
 * previous hash is the previous row's hash, the hash is H(previous hash || canonical event), and
 * where a signed checkpoint names a position, the row there has the checkpoint's head hash. Pure:
 * start it after a trusted position (the chain's start, or an anchor), tell it which checkpoints
 * lie ahead, feed it rows in order of {@code chainSeq}, then ask for the result.
 */
final class ChainVerifier {

  private final long fromSeq;
  private final Deque<Checkpoint> ahead = new ArrayDeque<>();
  private long lastSeq;
  private String lastHash;
  private long checked;
  private ChainVerification failure;

  /** From the start of the chain. */
  ChainVerifier() {
    this(0, CanonicalForm.GENESIS);
  }

  /** After position {@code afterSeq}, whose hash is trusted to be {@code afterHash}. */
  ChainVerifier(long afterSeq, String afterHash) {
    this.fromSeq = afterSeq + 1;
    this.lastSeq = afterSeq;
    this.lastHash = afterHash;
  }

  /**
   * A checkpoint the chain must pass: the row at its position must carry its head hash. Give them
   * in increasing position, each beyond the rows accepted so far; others are ignored.
   */
  void expect(Checkpoint checkpoint) {
    long last = ahead.isEmpty() ? lastSeq : ahead.peekLast().seq();
    if (checkpoint.seq() > lastSeq && checkpoint.seq() >= last) {
      ahead.addLast(checkpoint);
    }
  }

  /** Checks the next row; returns false once the chain is broken. */
  boolean accept(AuditRecord record) {
    if (failure != null) {
      return false;
    }
    checked++;
    long expectedSeq = lastSeq + 1;
    String problem = problem(record, expectedSeq);
    if (problem != null) {
      fail(expectedSeq, record.id(), problem);
      return false;
    }
    lastSeq = expectedSeq;
    lastHash = record.hash();
    while (!ahead.isEmpty() && ahead.peekFirst().seq() == lastSeq) {
      if (!ahead.removeFirst().headHash().equals(lastHash)) {
        fail(lastSeq, record.id(), "the row differs from what the signed checkpoint at it says");
        return false;
      }
    }
    return true;
  }

  /**
   * Ends the walk where the chain ends: a checkpoint still ahead covers rows that are gone (the
   * chain was cut short).
   */
  void end() {
    Checkpoint due = ahead.peekFirst();
    if (failure == null && due != null) {
      fail(
          lastSeq + 1,
          null,
          "the chain ends at " + lastSeq + " but a signed checkpoint covers " + due.seq());
    }
  }

  /** Records a break found outside the rows themselves (e.g. a checkpoint that is not valid). */
  void fail(long seq, Long id, String reason) {
    if (failure == null) {
      failure = ChainVerification.broken(fromSeq, checked, seq, id, reason);
    }
  }

  boolean broken() {
    return failure != null;
  }

  /** The last position accepted (the start position before any row). */
  long lastSeq() {
    return lastSeq;
  }

  String lastHash() {
    return lastHash;
  }

  ChainVerification result() {
    if (failure != null) {
      return failure;
    }
    return new ChainVerification(
        true, checked, null, null, null, fromSeq, lastSeq, lastSeq, fromSeq - 1, true, null, null);
  }

  private String problem(AuditRecord record, long expectedSeq) {
    if (record.chainSeq() == null || !record.sealed()) {
      return "row at chain position " + expectedSeq + " is not sealed";
    }
    if (record.chainSeq() < expectedSeq) {
      return "chain position " + record.chainSeq() + " appears more than once";
    }
    if (record.chainSeq() > expectedSeq) {
      return "row missing at chain position " + expectedSeq;
    }
    if (!lastHash.equals(record.prevHash())) {
      return "previous hash does not match";
    }
    String hash;
    try {
      hash = CanonicalForm.chainHash(lastHash, record);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    return hash.equals(record.hash()) ? null : "hash does not match the event's content";
  }
}
