package com.pltfrms.iam.audit;

import java.time.Instant;

/**
 * A stored audit event as read back: what happened, who did it, and its place and hash in the
 * chain.
 *
 * @param actorType the actor's type ({@code client}, {@code user}, {@code system}), or null in rows
 *     written before actors had types (form version 1)
 * @param actorId the actor's stable id, or null (unknown, the server itself, or form version 1)
 * @param actor the actor's display name when it acted, or null
 * @param formVersion which canonical form the row's hash covers (see {@link CanonicalForm})
 */
public record AuditRecord(
    long id,
    String realmId,
    String realmName,
    String type,
    Instant occurredAt,
    String actorType,
    String actorId,
    String actor,
    String target,
    String outcome,
    String details,
    int formVersion,
    Long chainSeq,
    String prevHash,
    String hash) {

  public boolean sealed() {
    return hash != null;
  }

  /** This event at chain position {@code seq} after {@code prevHash}, with its hash. */
  AuditRecord sealedAs(long seq, String prevHash, String hash) {
    return new AuditRecord(
        id,
        realmId,
        realmName,
        type,
        occurredAt,
        actorType,
        actorId,
        actor,
        target,
        outcome,
        details,
        formVersion,
        seq,
        prevHash,
        hash);
  }
}
