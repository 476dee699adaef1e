package com.pltfrms.iam.audit;

import static com.pltfrms.iam.audit.TestAuditRecords.chain;
import static com.pltfrms.iam.audit.TestAuditRecords.seal;
import static com.pltfrms.iam.audit.TestAuditRecords.unsealed;
import static com.pltfrms.iam.audit.TestAuditRecords.withChain;
import static com.pltfrms.iam.audit.TestAuditRecords.withDetails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
