package com.pltfrms.iam.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Appends audit events. The append is one INSERT of an unsealed row, so concurrent requests of one
 * realm never wait on each other for the chain; {@link AuditSealer} links the rows into the chain
 * afterwards, in order, and loses none.
 */
@ApplicationScoped
public class AuditWriter {

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Inject Clock clock;

  /** Joins the caller's transaction (or starts one): the event lands with the change or not. */
  @Transactional(TxType.REQUIRED)
  public void append(AuditEvent event) {
    persist(event);
  }

  /** Writes in a transaction of its own, so a rollback of the caller's keeps the event. */
  @Transactional(TxType.REQUIRES_NEW)
  public void appendIndependently(AuditEvent event) {
    persist(event);
  }

  private void persist(AuditEvent event) {
    em.persist(new AuditEntry(event, clock.instant().truncatedTo(ChronoUnit.MICROS)));
  }
}
