package com.pltfrms.iam.audit;

import java.time.Instant;

/** A stored audit event as read back: what happened, and its place and hash in the chain. */
public record AuditRecord(
    long id,
    String realmId,
    String realmName,
    String type,
    Instant occurredAt,
    String actor,
    String target,
    String outcome,
    String details,
    Long chainSeq,
    String prevHash,
    String hash) {

  public boolean sealed() {
    return hash != null;
  }
}
