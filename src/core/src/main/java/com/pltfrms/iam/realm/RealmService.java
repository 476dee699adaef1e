package com.pltfrms.iam.realm;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.keys.KeyService;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.AfterCompletion;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.Page;
import com.pltfrms.iam.shared.PageRequest;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * Creates, lists, changes and deletes realms. Every change is an audit event in the same
 * transaction; writes may carry an {@link IfMatch} precondition on the realm's version, so that two
 * admins editing at once cannot overwrite each other unknowingly.
 */
@ApplicationScoped
public class RealmService {

  private RealmRepository repository;
  private KeyService keys;
  private RealmDirectory directory;
  private AfterCompletion afterCompletion;
  private Event<AuditEvent> audit;
  private Clock clock;
  private UseCase useCase;

  protected RealmService() {}

  @Inject
  public RealmService(
      RealmRepository repository,
      KeyService keys,
      RealmDirectory directory,
      AfterCompletion afterCompletion,
      Event<AuditEvent> audit,
      Clock clock,
      UseCase useCase) {
    this.repository = repository;
    this.keys = keys;
    this.directory = directory;
    this.afterCompletion = afterCompletion;
    this.audit = audit;
    this.clock = clock;
    this.useCase = useCase;
  }

  /** Creates a realm with its first signing key; a taken name is a conflict. */
  public RealmSnapshot create(RealmName name, String displayName, Actor actor) {
    return useCase.run(
        () -> {
          // One creation per name at a time, across nodes: a clash is a 409, never a 500.
          repository.lockName(name.value());
          if (repository.findByName(name.value()).isPresent()) {
            throw ApplicationProblem.conflict(
                "a realm named '" + name.value() + "' exists already");
          }
          Realm realm = new Realm(name, displayName, clock.instant());
          repository.add(realm); // the realm row first: keys, clients and users reference it
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
        () ->
            new Page<>(
                repository.list(page.offset(), page.limit()).stream().map(Realm::snapshot).toList(),
                page.offset(),
                page.limit(),
                repository.count()));
  }

  /** The realm of this name, fresh from the database; unknown is 404. */
  public RealmSnapshot get(String name) {
    return useCase.run(() -> require(name).snapshot());
  }

  /**
   * Applies {@code changes} (a PATCH sends some, a PUT all of them) if {@code ifMatch} holds for
   * the realm's current version.
   */
  public RealmSnapshot update(String name, RealmChanges changes, IfMatch ifMatch, Actor actor) {
    return useCase.run(
        () -> {
          Realm realm = requireForUpdate(name);
          ifMatch.check(realm.version());
          realm.apply(changes);
          repository.flush();
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
  public void delete(String name, IfMatch ifMatch, Actor actor) {
    useCase.execute(
        () -> {
          Realm realm = requireForUpdate(name);
          ifMatch.check(realm.version());
          if (realm.isSystem()) {
            throw ApplicationProblem.conflict("the system realm cannot be deleted");
          }
          audit.fire(
              AuditEvent.success(
                  realm.id(), realm.name(), AuditEventTypes.REALM_DELETED, actor, realm.name()));
          repository.remove(realm);
          evict(realm.name());
        });
  }

  private Realm require(String name) {
    return found(
        name, RealmName.isWellFormed(name) ? repository.findByName(name) : Optional.empty());
  }

  /** For writes: the realm, locked, so concurrent writers and their If-Match checks serialize. */
  private Realm requireForUpdate(String name) {
    return found(
        name,
        RealmName.isWellFormed(name) ? repository.findByNameForUpdate(name) : Optional.empty());
  }

  private static Realm found(String name, Optional<Realm> realm) {
    return realm.orElseThrow(() -> ApplicationProblem.notFound("no realm named '" + name + "'"));
  }

  private void evict(String name) {
    repository.announceChanged(name);
    afterCompletion.run(() -> directory.evict(name));
  }
}
