package com.pltfrms.iam.realm;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.keys.KeyService;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.AdvisoryLock;
import com.pltfrms.iam.shared.AfterCompletion;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.CacheNotice;
import com.pltfrms.iam.shared.Page;
import com.pltfrms.iam.shared.PageRequest;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Creates, lists, changes and deletes realms. Every change is an audit event in the same
 * transaction.
 */
@ApplicationScoped
public class RealmService {

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Inject KeyService keys;
  @Inject RealmDirectory directory;
  @Inject AfterCompletion afterCompletion;
  @Inject Event<AuditEvent> audit;
  @Inject Clock clock;
  @Inject UseCase useCase;

  /** Creates a realm with its first signing key; a taken name is a conflict. */
  public RealmSnapshot create(RealmName name, String displayName, Actor actor) {
    return useCase.run(
        () -> {
          // One creation per name at a time, across nodes: a clash is a 409, never a 500.
          AdvisoryLock.acquire(em, "realm:" + name.value());
          if (findEntity(name.value()) != null) {
            throw ApplicationProblem.conflict(
                "a realm named '" + name.value() + "' exists already");
          }
          Realm realm = new Realm(name, displayName, clock.instant());
          em.persist(realm);
          em.flush(); // the realm row first: keys, clients and users reference it
          audit.fire(
              AuditEvent.success(
                  realm.id(), realm.name(), AuditEventTypes.REALM_CREATED, actor, realm.name()));
          keys.createInitial(realm.id(), realm.name(), actor);
          evict(realm.name());
          return realm.snapshot();
        });
  }

  public Page<RealmSnapshot> list(PageRequest page) {
    return useCase.run(
        () -> {
          var realms =
              em
                  .createQuery("SELECT r FROM Realm r ORDER BY r.name", Realm.class)
                  .setFirstResult(page.offset())
                  .setMaxResults(page.limit())
                  .getResultList()
                  .stream()
                  .map(Realm::snapshot)
                  .toList();
          long total = em.createQuery("SELECT COUNT(r) FROM Realm r", Long.class).getSingleResult();
          return new Page<>(realms, page.offset(), page.limit(), total);
        });
  }

  /** The realm of this name, fresh from the database; unknown is 404. */
  public RealmSnapshot get(String name) {
    return useCase.run(() -> require(name).snapshot());
  }

  public RealmSnapshot update(String name, RealmChanges changes, Actor actor) {
    return useCase.run(
        () -> {
          Realm realm = require(name);
          em.lock(realm, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
          changes.displayName().ifPresent(realm::rename);
          changes.enabled().ifPresent(realm::setEnabled);
          changes.accessTokenLifetimeSeconds().ifPresent(realm::setAccessTokenLifetimeSeconds);
          audit.fire(
              new AuditEvent(
                  realm.id(),
                  realm.name(),
                  AuditEventTypes.REALM_UPDATED,
                  actor,
                  realm.name(),
                  true,
                  changes.auditDetails()));
          evict(realm.name());
          return realm.snapshot();
        });
  }

  /** Deletes a realm and everything in it; its audit trail stays. The system realm stays too. */
  public void delete(String name, Actor actor) {
    useCase.execute(
        () -> {
          Realm realm = require(name);
          if (realm.isSystem()) {
            throw ApplicationProblem.conflict("the system realm cannot be deleted");
          }
          audit.fire(
              AuditEvent.success(
                  realm.id(), realm.name(), AuditEventTypes.REALM_DELETED, actor, realm.name()));
          em.remove(realm);
          evict(realm.name());
        });
  }

  private Realm require(String name) {
    Realm realm = RealmName.isWellFormed(name) ? findEntity(name) : null;
    if (realm == null) {
      throw ApplicationProblem.notFound("no realm named '" + name + "'");
    }
    return realm;
  }

  private Realm findEntity(String name) {
    return em.createQuery("SELECT r FROM Realm r WHERE r.name = :name", Realm.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private void evict(String name) {
    CacheNotice.send(em, CacheNotice.Topic.REALM, name);
    afterCompletion.run(() -> directory.evict(name));
  }
}
