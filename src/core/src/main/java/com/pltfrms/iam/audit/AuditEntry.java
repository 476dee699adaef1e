package com.pltfrms.iam.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One stored audit event. Inserted unsealed ({@code hash} null); {@link AuditSealer} later gives it
 * its place in the realm's chain ({@code chainSeq}) and its hash. The database refuses any other
 * change and every delete.
 */
@Entity
@Table(name = "audit_event")
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "realm_id", nullable = false)
  private String realmId;

  @Column(name = "realm_name", nullable = false)
  private String realmName;

  @Column(name = "event_type", nullable = false)
  private String type;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  private String actor;
  private String target;

  @Column(nullable = false)
  private String outcome;

  @Column(nullable = false)
  private String details;

  @Column(name = "chain_seq")
  private Long chainSeq;

  @Column(name = "prev_hash")
  private String prevHash;

  private String hash;

  protected AuditEntry() {}

  void seal(long chainSeq, String prevHash, String hash) {
    this.chainSeq = chainSeq;
    this.prevHash = prevHash;
    this.hash = hash;
  }

  AuditRecord toRecord() {
    return new AuditRecord(
        id,
        realmId,
        realmName,
        type,
        occurredAt,
        actor,
        target,
        outcome,
        details,
        chainSeq,
        prevHash,
        hash);
  }
}
