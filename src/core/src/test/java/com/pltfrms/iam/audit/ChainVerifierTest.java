package com.pltfrms.iam.audit;

import static com.pltfrms.iam.audit.TestAuditRecords.chain;
import static com.pltfrms.iam.audit.TestAuditRecords.checkpointOf;
import static com.pltfrms.iam.audit.TestAuditRecords.seal;
import static com.pltfrms.iam.audit.TestAuditRecords.unsealed;
import static com.pltfrms.iam.audit.TestAuditRecords.unsealedV2;
import static com.pltfrms.iam.audit.TestAuditRecords.withActor;
import static com.pltfrms.iam.audit.TestAuditRecords.withChain;
import static com.pltfrms.iam.audit.TestAuditRecords.withDetails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

  private static ChainVerification verify(List<AuditRecord> records) {
    ChainVerifier verifier = new ChainVerifier();
    for (AuditRecord record : records) {
      if (!verifier.accept(record)) {
        break;
      }
    }
    return verifier.result();
  }

  @Test
  void resultWhenChainIntactThenValid() {
    ChainVerification result = verify(chain(5));
    assertTrue(result.valid());
    assertEquals(5, result.checked());
  }

  @Test
  void resultWhenChainIntactThenNoBreak() {
    ChainVerification result = verify(chain(5));
    assertNull(result.brokenAtSeq());
    assertNull(result.brokenAtId());
  }

  @Test
  void resultWhenNoRowsThenValid() {
    ChainVerification result = new ChainVerifier().result();
    assertTrue(result.valid());
    assertEquals(0, result.checked());
  }

  @Test
  void acceptWhenRowMatchesThenTrue() {
    assertTrue(new ChainVerifier().accept(chain(1).get(0)));
  }

  @Test
  void acceptWhenAlreadyBrokenThenFalseForValidRows() {
    List<AuditRecord> records = chain(3);
    ChainVerifier verifier = new ChainVerifier();
    assertFalse(verifier.accept(records.get(1)));
    assertFalse(verifier.accept(records.get(0)));
    assertEquals(1, verifier.result().checked());
  }

  @Test
  void resultWhenDetailsAlteredThenBrokenAtThatRow() {
    List<AuditRecord> records = chain(5);
    records.set(2, withDetails(records.get(2), "{\"n\":\"tampered\"}"));
    ChainVerification result = verify(records);
    assertFalse(result.valid());
    assertEquals(3L, result.brokenAtSeq());
    assertEquals(3L, result.brokenAtId());
    assertEquals(3, result.checked());
  }

  @Test
  void resultWhenFirstRowAlteredThenBrokenAtOne() {
    List<AuditRecord> records = chain(3);
    records.set(0, withDetails(records.get(0), "{}"));
    assertEquals(1L, verify(records).brokenAtSeq());
  }

  @Test
  void resultWhenLastRowAlteredThenBrokenAtLast() {
    List<AuditRecord> records = chain(4);
    records.set(3, withDetails(records.get(3), "{}"));
    assertEquals(4L, verify(records).brokenAtSeq());
  }

  @Test
  void resultWhenRowsSwappedThenBrokenAtFirstSwappedPosition() {
    List<AuditRecord> records = chain(4);
    AuditRecord second = records.get(1);
    records.set(1, records.get(2));
    records.set(2, second);
    ChainVerification result = verify(records);
    assertFalse(result.valid());
    assertEquals(2L, result.brokenAtSeq());
    assertEquals(3L, result.brokenAtId());
  }

  @Test
  void resultWhenRowDroppedThenBrokenWhereItWas() {
    List<AuditRecord> records = chain(5);
    records.remove(1);
    ChainVerification result = verify(records);
    assertFalse(result.valid());
    assertEquals(2L, result.brokenAtSeq());
    assertEquals(3L, result.brokenAtId());
  }

  @Test
  void resultWhenFirstRowDroppedThenBrokenAtOne() {
    List<AuditRecord> records = chain(3);
    records.remove(0);
    ChainVerification result = verify(records);
    assertFalse(result.valid());
    assertEquals(1L, result.brokenAtSeq());
  }

  @Test
  void resultWhenDroppedRowsRenumberedThenBrokenAtSuccessor() {
    // seq numbers closed up after a deletion: positions line up, the links do not
    List<AuditRecord> records = chain(4);
    AuditRecord third = records.get(2);
    records.remove(1);
    records.set(1, withChain(third, 2L, third.prevHash(), third.hash()));
    ChainVerification result = verify(records);
    assertFalse(result.valid());
    assertEquals(2L, result.brokenAtSeq());
    assertEquals(3L, result.brokenAtId());
  }

  @Test
  void resultWhenPrevHashChangedThenBrokenAtThatRow() {
    List<AuditRecord> records = chain(4);
    AuditRecord third = records.get(2);
    records.set(2, withChain(third, 3L, "f".repeat(64), third.hash()));
    ChainVerification result = verify(records);
    assertFalse(result.valid());
    assertEquals(3L, result.brokenAtSeq());
  }

  @Test
  void resultWhenPrevHashChangedAndRowRehashedThenBrokenAtThatRow() {
    List<AuditRecord> records = chain(4);
    records.set(2, seal(records.get(2), 3, "f".repeat(64)));
    assertEquals(3L, verify(records).brokenAtSeq());
  }

  @Test
  void resultWhenFirstRowDoesNotStartFromGenesisThenBrokenAtOne() {
    AuditRecord first = seal(unsealed(1, "{}"), 1, "1".repeat(64));
    assertEquals(1L, verify(List.of(first)).brokenAtSeq());
  }

  @Test
  void resultWhenRowRehashedWithoutItsSuccessorThenBrokenAtSuccessor() {
    List<AuditRecord> records = chain(3);
    AuditRecord forged = withDetails(records.get(0), "{\"n\":\"forged\"}");
    records.set(0, seal(forged, 1, CanonicalForm.GENESIS));
    ChainVerification result = verify(records);
    assertFalse(result.valid());
    assertEquals(2L, result.brokenAtSeq());
    assertEquals(2L, result.brokenAtId());
  }

  @Test
  void resultWhenRowUnsealedThenBrokenAtItsPosition() {
    List<AuditRecord> records = chain(3);
    records.set(1, unsealed(2, records.get(1).details()));
    ChainVerification result = verify(records);
    assertFalse(result.valid());
    assertEquals(2L, result.brokenAtSeq());
  }

  @Test
  void resultWhenHashChangedThenBrokenAtThatRow() {
    List<AuditRecord> records = chain(3);
    AuditRecord second = records.get(1);
    records.set(1, withChain(second, 2L, second.prevHash(), "0".repeat(64)));
    assertEquals(2L, verify(records).brokenAtSeq());
  }

  /** Seals {@code rows} into a chain again from {@code from}, as a forger who recomputes would. */
  private static List<AuditRecord> resealedFrom(List<AuditRecord> rows, int from) {
    List<AuditRecord> out = new ArrayList<>(rows.subList(0, from));
    String previous = from == 0 ? CanonicalForm.GENESIS : rows.get(from - 1).hash();
    for (int i = from; i < rows.size(); i++) {
      AuditRecord sealed = seal(rows.get(i), i + 1, previous);
      out.add(sealed);
      previous = sealed.hash();
    }
    return out;
  }

  @Test
  void resultWhenStartedAfterTrustedPositionThenChecksOnlyTheRest() {
    List<AuditRecord> records = chain(5);
    ChainVerifier verifier = new ChainVerifier(2, records.get(1).hash());
    records.subList(2, 5).forEach(verifier::accept);
    ChainVerification result = verifier.result();
    assertTrue(result.valid(), result.reason());
    assertEquals(3, result.checked());
    assertEquals(3, result.fromSeq());
    assertEquals(5, result.throughSeq());
  }

  @Test
  void resultWhenStartHashIsNotThePredecessorsThenBrokenAtFirstRow() {
    List<AuditRecord> records = chain(5);
    ChainVerifier verifier = new ChainVerifier(2, "e".repeat(64));
    records.subList(2, 5).forEach(verifier::accept);
    assertEquals(3L, verifier.result().brokenAtSeq());
  }

  @Test
  void resultWhenCheckpointMatchesItsRowThenValid() {
    List<AuditRecord> records = chain(5);
    ChainVerifier verifier = new ChainVerifier();
    verifier.expect(checkpointOf(records.get(1)));
    verifier.expect(checkpointOf(records.get(4)));
    records.forEach(verifier::accept);
    verifier.end();
    assertTrue(verifier.result().valid(), verifier.result().reason());
  }

  @Test
  void resultWhenRowRewrittenAndChainRecomputedThenBrokenAtTheCheckpoint() {
    List<AuditRecord> original = chain(5);
    Checkpoint signed = checkpointOf(original.get(3));
    List<AuditRecord> forged = new ArrayList<>(original);
    forged.set(2, withDetails(original.get(2), "{\"n\":\"forged\"}"));
    forged = resealedFrom(forged, 2);
    ChainVerifier verifier = new ChainVerifier();
    verifier.expect(signed);
    forged.forEach(verifier::accept);
    ChainVerification result = verifier.result();
    assertFalse(result.valid());
    assertEquals(4L, result.brokenAtSeq());
  }

  @Test
  void resultWhenRowRewrittenAndChainRecomputedWithoutCheckpointThenLinksStillMatch() {
    // what the checkpoints are for: a recomputed chain is consistent in itself
    List<AuditRecord> forged = new ArrayList<>(chain(5));
    forged.set(2, withDetails(forged.get(2), "{\"n\":\"forged\"}"));
    assertTrue(verify(resealedFrom(forged, 2)).valid());
  }

  @Test
  void endWhenCheckpointBeyondLastRowThenBrokenAfterTheLastRow() {
    List<AuditRecord> records = chain(5);
    ChainVerifier verifier = new ChainVerifier();
    verifier.expect(checkpointOf(records.get(4)));
    records.subList(0, 3).forEach(verifier::accept);
    verifier.end();
    ChainVerification result = verifier.result();
    assertFalse(result.valid());
    assertEquals(4L, result.brokenAtSeq());
    assertNull(result.brokenAtId());
  }

  @Test
  void endWhenNoCheckpointAheadThenValid() {
    ChainVerifier verifier = new ChainVerifier();
    chain(3).forEach(verifier::accept);
    verifier.end();
    assertTrue(verifier.result().valid());
  }

  @Test
  void resultWhenChainPositionRepeatedThenBrokenAtTheRepeat() {
    List<AuditRecord> records = chain(3);
    List<AuditRecord> doubled = List.of(records.get(0), records.get(1), records.get(1));
    ChainVerification result = verify(doubled);
    assertFalse(result.valid());
    assertEquals(3L, result.brokenAtSeq());
  }

  @Test
  void resultWhenVersionOneRowsFollowedByVersionTwoRowsThenValid() {
    // a chain sealed before actor types, continued after the upgrade
    List<AuditRecord> records = new ArrayList<>(chain(2));
    AuditRecord third = seal(unsealedV2(3, "{}"), 3, records.get(1).hash());
    records.add(third);
    records.add(seal(unsealedV2(4, "{}"), 4, third.hash()));
    ChainVerification result = verify(records);
    assertTrue(result.valid(), result.reason());
    assertEquals(4, result.checked());
  }

  @Test
  void resultWhenFormVersionOfSealedRowChangedThenBrokenAtThatRow() {
    List<AuditRecord> records = new ArrayList<>(chain(1));
    AuditRecord second = seal(unsealedV2(2, "{}"), 2, records.get(0).hash());
    records.add(withActor(second, second.actorType(), second.actorId(), 1));
    assertEquals(2L, verify(records).brokenAtSeq());
  }

  @Test
  void resultWhenUnknownFormVersionThenBrokenAtThatRow() {
    List<AuditRecord> records = new ArrayList<>(chain(2));
    AuditRecord third = seal(unsealed(3, "{}"), 3, records.get(1).hash());
    records.add(withActor(third, null, null, 9));
    ChainVerification result = verify(records);
    assertFalse(result.valid());
    assertEquals(3L, result.brokenAtSeq());
  }

  @Test
  void failWhenCalledThenBrokenThereAndFurtherRowsRefused() {
    ChainVerifier verifier = new ChainVerifier();
    verifier.fail(1, null, "the checkpoint at 1 cannot be trusted");
    assertFalse(verifier.accept(chain(1).get(0)));
    assertEquals(1L, verifier.result().brokenAtSeq());
  }
}
