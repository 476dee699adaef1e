package com.pltfrms.iam.audit;

import com.pltfrms.iam.shared.Page;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.function.Predicate;

/** Reads a realm's audit trail and verifies its hash chain. */
@ApplicationScoped
public class AuditService {

  private static final int CHAIN_BATCH = 1000;

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Inject AuditSealer sealer;
  @Inject UseCase useCase;

  public Page<AuditRecord> list(String realmId, AuditQuery query) {
    return useCase.run(
        () -> {
          String where =
              " FROM AuditEntry e WHERE e.realmId = :realm"
                  + query.type().map(t -> " AND e.type = :type").orElse("")
                  + query.from().map(t -> " AND e.occurredAt >= :from").orElse("")
                  + query.to().map(t -> " AND e.occurredAt < :to").orElse("");
          TypedQuery<AuditEntry> items =
              em.createQuery("SELECT e" + where + " ORDER BY e.id DESC", AuditEntry.class);
          TypedQuery<Long> count = em.createQuery("SELECT COUNT(e)" + where, Long.class);
          for (TypedQuery<?> q : List.of(items, count)) {
            q.setParameter("realm", realmId);
            query.type().ifPresent(t -> q.setParameter("type", t));
            query.from().ifPresent(t -> q.setParameter("from", t));
            query.to().ifPresent(t -> q.setParameter("to", t));
          }
          List<AuditRecord> records =
              items
                  .setFirstResult(query.page().offset())
                  .setMaxResults(query.page().limit())
                  .getResultList()
                  .stream()
                  .map(AuditEntry::toRecord)
                  .toList();
          return new Page<>(
              records, query.page().offset(), query.page().limit(), count.getSingleResult());
        });
  }

  /** Seals what is pending, then checks every link of the realm's chain from the first row. */
  public ChainVerification verify(String realmId) {
    sealAll(realmId);
    ChainVerifier verifier = new ChainVerifier();
    forEachInChain(realmId, verifier::accept);
    return verifier.result();
  }

  /**
   * Hands the realm's sealed events to {@code consumer} in chain order, a batch per transaction,
   * until the chain ends or the consumer returns false. Call {@link #sealAll} first to include what
   * was appended last.
   */
  public void forEachInChain(String realmId, Predicate<AuditRecord> consumer) {
    long after = 0;
    while (true) {
      List<AuditRecord> batch = chainAfter(realmId, after);
      for (AuditRecord record : batch) {
        if (!consumer.test(record)) {
          return;
        }
        after = record.chainSeq();
      }
      if (batch.size() < CHAIN_BATCH) {
        return;
      }
    }
  }

  /** Seals every pending row of one realm. */
  public void sealAll(String realmId) {
    while (sealer.sealBatch(realmId) == AuditSealer.BATCH) {
      // keep going until a partial batch says the realm is done
    }
  }

  private List<AuditRecord> chainAfter(String realmId, long after) {
    return useCase.run(
        () ->
            em
                .createQuery(
                    "SELECT e FROM AuditEntry e WHERE e.realmId = :realm AND e.chainSeq > :after"
                        + " ORDER BY e.chainSeq",
                    AuditEntry.class)
                .setParameter("realm", realmId)
                .setParameter("after", after)
                .setMaxResults(CHAIN_BATCH)
                .getResultList()
                .stream()
                .map(AuditEntry::toRecord)
                .toList());
  }
}
