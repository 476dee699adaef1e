package com.pltfrms.iam.audit;

import com.pltfrms.iam.shared.Page;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;

/** Reads a realm's audit trail and verifies its hash chain. */
@ApplicationScoped
public class AuditService {

  private static final int VERIFY_BATCH = 1000;

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
    return useCase.run(() -> check(realmId));
  }

  /** Seals every pending row of one realm. */
  public void sealAll(String realmId) {
    while (sealer.sealBatch(realmId) == AuditSealer.BATCH) {
      // keep going until a partial batch says the realm is done
    }
  }

  ChainVerification check(String realmId) {
    ChainVerifier verifier = new ChainVerifier();
    long after = 0;
    while (true) {
      List<AuditEntry> batch =
          em.createQuery(
                  "SELECT e FROM AuditEntry e WHERE e.realmId = :realm AND e.chainSeq > :after"
                      + " ORDER BY e.chainSeq",
                  AuditEntry.class)
              .setParameter("realm", realmId)
              .setParameter("after", after)
              .setMaxResults(VERIFY_BATCH)
              .getResultList();
      for (AuditEntry entry : batch) {
        AuditRecord record = entry.toRecord();
        if (!verifier.accept(record)) {
          return verifier.result();
        }
        after = record.chainSeq();
      }
      if (batch.size() < VERIFY_BATCH) {
        return verifier.result();
      }
      em.clear();
    }
  }
}
