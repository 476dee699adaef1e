package com.pltfrms.iam.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

  /** A sealed chain of {@code n} events, built the way AuditSealer seals them. */
  private static List<AuditRecord> chain(int n) {
    List<AuditRecord> records = new ArrayList<>();
    String previous = CanonicalForm.GENESIS;
    for (int i = 1; i <= n; i++) {
      AuditRecord unsealed = record(i, "{\"n\":\"" + i + "\"}", null, null, null);
      String hash = CanonicalForm.chainHash(previous, unsealed);
      records.add(record(i, unsealed.details(), (long) i, previous, hash));
      previous = hash;
    }
    return records;
  }

  private static AuditRecord record(long id, String details, Long seq, String prev, String hash) {
    return new AuditRecord(
        id,
        "realm-1",
        "acme",
        "CLIENT_CREATED",
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id),
        "admin",
        "c" + id,
        "SUCCESS",
        details,
        seq,
        prev,
        hash);
  }

  private static ChainVerification verify(List<AuditRecord> records) {
    ChainVerifier verifier = new ChainVerifier();
    for (AuditRecord record : records) {
      if (!verifier.accept(record)) {
        break;
      }
    }
    return verifier.result();
  }

  private static AuditRecord withDetails(AuditRecord r, String details) {
    return new AuditRecord(
        r.id(),
        r.realmId(),
        r.realmName(),
        r.type(),
        r.occurredAt(),
        r.actor(),
        r.target(),
        r.outcome(),
        details,
        r.chainSeq(),
        r.prevHash(),
        r.hash());
  }

  @Test
  void verifyWhenChainIntactThenValid() {
    ChainVerification result = verify(chain(5));
    assertTrue(result.valid());
    assertEquals(5, result.checked());
  }

  @Test
  void verifyWhenContentAlteredThenBrokenAtThatRow() {
    List<AuditRecord> records = chain(5);
    records.set(2, withDetails(records.get(2), "{\"n\":\"tampered\"}"));
    ChainVerification result = verify(records);
    assertFalse(result.valid());
    assertEquals(3L, result.brokenAtSeq());
    assertEquals(3L, result.brokenAtId());
  }

  @Test
  void verifyWhenRowDeletedThenBrokenWhereItWas() {
    List<AuditRecord> records = chain(5);
    records.remove(1);
    ChainVerification result = verify(records);
    assertFalse(result.valid());
    assertEquals(2L, result.brokenAtSeq());
  }

  @Test
  void verifyWhenRowsSwappedThenBroken() {
    List<AuditRecord> records = chain(4);
    AuditRecord second = records.get(1);
    records.set(1, records.get(2));
    records.set(2, second);
    assertFalse(verify(records).valid());
  }

  @Test
  void verifyWhenRowRehashedWithoutItsSuccessorThenBrokenAtSuccessor() {
    List<AuditRecord> records = chain(3);
    AuditRecord first = records.get(0);
    AuditRecord forged = withDetails(first, "{\"n\":\"forged\"}");
    String forgedHash = CanonicalForm.chainHash(CanonicalForm.GENESIS, forged);
    records.set(
        0,
        new AuditRecord(
            forged.id(),
            forged.realmId(),
            forged.realmName(),
            forged.type(),
            forged.occurredAt(),
            forged.actor(),
            forged.target(),
            forged.outcome(),
            forged.details(),
            1L,
            CanonicalForm.GENESIS,
            forgedHash));
    ChainVerification result = verify(records);
    assertFalse(result.valid());
    assertEquals(2L, result.brokenAtSeq());
  }

  @Test
  void jsonWhenKeysInAnyOrderThenSameCanonicalForm() {
    assertEquals(
        CanonicalForm.json(Map.of("b", "2", "a", "1")),
        CanonicalForm.json(new java.util.TreeMap<>(Map.of("a", "1", "b", "2"))));
    assertEquals(
        "{\"a\":\"q\\\"b\\\\s\\u0001\"}", CanonicalForm.json(Map.of("a", "q\"b\\s\u0001")));
  }
}
