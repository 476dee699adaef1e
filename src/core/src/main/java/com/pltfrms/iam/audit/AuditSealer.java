package com.pltfrms.iam.audit;

import com.pltfrms.iam.shared.AdvisoryLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Links appended audit rows into their realm's hash chain, in the order they were appended. One
 * sealer at a time per realm, across all nodes: the work runs under a PostgreSQL advisory lock
 * keyed by the realm.
 */
@ApplicationScoped
public class AuditSealer {

  static final int BATCH = 500;

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  /** Seals up to {@link #BATCH} pending rows of one realm; returns how many it sealed. */
  @Transactional
  public int sealBatch(String realmId) {
    AdvisoryLock.acquire(em, "audit:" + realmId);
    List<?> head =
        em.createNativeQuery(
                "SELECT chain_seq, hash FROM audit_event WHERE realm_id = ?1 AND hash IS NOT NULL"
                    + " ORDER BY chain_seq DESC LIMIT 1")
            .setParameter(1, realmId)
            .getResultList();
    long seq = 0;
    String previous = CanonicalForm.GENESIS;
    if (!head.isEmpty()) {
      Object[] row = (Object[]) head.get(0);
      seq = ((Number) row[0]).longValue();
      previous = (String) row[1];
    }
    List<AuditEntry> pending =
        em.createQuery(
                "SELECT e FROM AuditEntry e WHERE e.realmId = :realm AND e.hash IS NULL"
                    + " ORDER BY e.id",
                AuditEntry.class)
            .setParameter("realm", realmId)
            .setMaxResults(BATCH)
            .getResultList();
    for (AuditEntry entry : pending) {
      String hash = CanonicalForm.chainHash(previous, entry.toRecord());
      entry.seal(++seq, previous, hash);
      previous = hash;
    }
    return pending.size();
  }

  /** The realms that have rows waiting to be sealed. */
  @Transactional
  public List<String> realmsWithPendingRows() {
    return em.createQuery(
            "SELECT DISTINCT e.realmId FROM AuditEntry e WHERE e.hash IS NULL", String.class)
        .getResultList();
  }
}
