package com.pltfrms.iam.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Audit rows built by hand, sealed the way the sealer seals them, for the pure chain tests. */
final class TestAuditRecords {

  private TestAuditRecords() {}

  /** An unsealed event with the given id and details. */
  static AuditRecord unsealed(long id, String details) {
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
        null,
        null,
        null);
  }

  /** A sealed chain of {@code n} events with ids and chain positions 1 to n. */
  static List<AuditRecord> chain(int n) {
    List<AuditRecord> records = new ArrayList<>();
    String previous = CanonicalForm.GENESIS;
    for (int i = 1; i <= n; i++) {
      AuditRecord sealed = seal(unsealed(i, "{\"n\":\"" + i + "\"}"), i, previous);
      records.add(sealed);
      previous = sealed.hash();
    }
    return records;
  }

  /** {@code r} at chain position {@code seq} after {@code previous}, with its hash computed. */
  static AuditRecord seal(AuditRecord r, long seq, String previous) {
    return withChain(r, seq, previous, CanonicalForm.chainHash(previous, r));
  }

  static AuditRecord withChain(AuditRecord r, Long seq, String prevHash, String hash) {
    return new AuditRecord(
        r.id(),
        r.realmId(),
        r.realmName(),
        r.type(),
        r.occurredAt(),
        r.actor(),
        r.target(),
        r.outcome(),
        r.details(),
        seq,
        prevHash,
        hash);
  }

  /** {@code r} with other details and its chain fields (seq, previous hash, hash) unchanged. */
  static AuditRecord withDetails(AuditRecord r, String details) {
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
}
