package com.pltfrms.iam.realm;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.keys.KeyService;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.AfterCompletion;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.Keyset;
import com.pltfrms.iam.shared.Page;
import com.pltfrms.iam.shared.PageRequest;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
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

  /**
   * A page of realms by name, {@code offset} realms in. The page names the cursors of its
   * neighbours, so that a client may continue by key ({@link #list(Keyset)}).
   */
  public Page<RealmSnapshot> list(PageRequest page) {
    return useCase.run(
        () ->
            paged(
                repository.list(page.offset(), page.limit()),
                page.offset(),
                page.limit(),
                repository.count()));
  }

  /**
   * A page of realms by name after or before a name (which need not be a realm's: a deleted realm's
   * name still marks the place). Costs the same at any depth: an index seek, never a walk over the
   * realms before it.
   */
  public Page<RealmSnapshot> list(Keyset keyset) {
    return useCase.run(
        () -> {
          List<Realm> rows =
              keyset.before() != null
                  ? repository.listBefore(keyset.before(), keyset.limit())
                  : repository.listAfter(keyset.after(), keyset.limit());
          long total = repository.count();
          long offset;
          if (!rows.isEmpty()) {
            offset = repository.countBefore(rows.get(0).name());
          } else {
            offset = keyset.before() != null ? 0 : (keyset.after() == null ? 0 : total);
          }
          return paged(rows, (int) offset, keyset.limit(), total);
        });
  }

  private static Page<RealmSnapshot> paged(List<Realm> rows, int offset, int limit, long total) {
    List<RealmSnapshot> items = rows.stream().map(Realm::snapshot).toList();
    String next =
        !items.isEmpty() && offset + items.size() < total
            ? items.get(items.size() - 1).name()
            : null;
    String prev = !items.isEmpty() && offset > 0 ? items.get(0).name() : null;
    return new Page<>(items, offset, limit, total, next, prev);
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
