package com.pltfrms.iam.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Audit rows built by hand, sealed the way the sealer seals them, for the pure chain tests. */
final class TestAuditRecords {

  private TestAuditRecords() {}

  /**
   * An unsealed event with the given id and details, as rows were written before actors had a type
   * and id (canonical form version 1).
   */
  static AuditRecord unsealed(long id, String details) {
    return new AuditRecord(
        id,
        "realm-1",
        "acme",
        "CLIENT_CREATED",
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id),
        null,
        null,
        "admin",
        "c" + id,
        "SUCCESS",
        details,
        1,
        null,
        null,
        null);
  }

  /** An unsealed event as rows are written now (version 2): by a client with a stable id. */
  static AuditRecord unsealedV2(long id, String details) {
    return withActor(unsealed(id, details), "client", "4f0c6a52-3a1e-4d2b-9a53-0d7c1c3b2a10", 2);
  }

  /** {@code r} with another actor type, actor id and form version. */
  static AuditRecord withActor(AuditRecord r, String actorType, String actorId, int version) {
    return new AuditRecord(
        r.id(),
        r.realmId(),
        r.realmName(),
        r.type(),
        r.occurredAt(),
        actorType,
        actorId,
        r.actor(),
        r.target(),
        r.outcome(),
        r.details(),
        version,
        r.chainSeq(),
        r.prevHash(),
        r.hash());
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
        r.actorType(),
        r.actorId(),
        r.actor(),
        r.target(),
        r.outcome(),
        r.details(),
        r.formVersion(),
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
        r.actorType(),
        r.actorId(),
        r.actor(),
        r.target(),
        r.outcome(),
        details,
        r.formVersion(),
        r.chainSeq(),
        r.prevHash(),
        r.hash());
  }

  /** A checkpoint of {@code record}'s position and hash, unsigned (for the pure chain walk). */
  static Checkpoint checkpointOf(AuditRecord record) {
    return new Checkpoint(
        record.realmId(),
        record.chainSeq(),
        record.hash(),
        Instant.parse("2026-02-01T00:00:00Z"),
        Checkpoint.Purpose.INTERVAL,
        "kid-1",
        "not-signed");
  }
}
