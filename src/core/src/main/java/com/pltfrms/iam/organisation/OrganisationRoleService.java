package com.pltfrms.iam.organisation;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.AfterCompletion;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.Page;
import com.pltfrms.iam.shared.PageRequest;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The organisation roles a realm defines (its members hold them in one organisation at a time).
 * Names are unique per realm; the built-in {@link OrganizationRole#ORG_ADMIN} cannot be deleted.
 * Deleting a role takes it from every member that held it, in the same transaction.
 */
@ApplicationScoped
public class OrganisationRoleService {

  private OrganisationRepository repository;
  private OrganisationAccess access;
  private AfterCompletion afterCompletion;
  private Event<AuditEvent> audit;
  private Clock clock;
  private UseCase useCase;

  protected OrganisationRoleService() {}

  @Inject
  public OrganisationRoleService(
      OrganisationRepository repository,
      OrganisationAccess access,
      AfterCompletion afterCompletion,
      Event<AuditEvent> audit,
      Clock clock,
      UseCase useCase) {
    this.repository = repository;
    this.access = access;
    this.afterCompletion = afterCompletion;
    this.audit = audit;
    this.clock = clock;
    this.useCase = useCase;
  }

  public OrganisationRoleSnapshot create(
      RealmSnapshot realm, String name, String description, Actor actor) {
    return useCase.run(
        () -> {
          OrganizationRole role =
              new OrganizationRole(realm.id(), name, description, clock.instant());
          repository.lockRoleName(realm.id(), name);
          if (repository.findRole(realm.id(), name).isPresent()) {
            throw ApplicationProblem.conflict(
                "an organisation role '" + name + "' exists already in this realm", "name");
          }
          repository.addRole(role);
          audit.fire(
              new AuditEvent(
                  realm.id(),
                  realm.name(),
                  AuditEventTypes.ORGANIZATION_ROLE_CREATED,
                  actor,
                  name,
                  true,
                  Map.of("id", role.id())));
          return role.snapshot();
        });
  }

  public Page<OrganisationRoleSnapshot> list(RealmSnapshot realm, PageRequest page) {
    return useCase.run(
        () ->
            new Page<>(
                repository.roles(realm.id(), page.offset(), page.limit()).stream()
                    .map(OrganizationRole::snapshot)
                    .toList(),
                page.offset(),
                page.limit(),
                repository.countRoles(realm.id())));
  }

  public OrganisationRoleSnapshot get(RealmSnapshot realm, String name) {
    return useCase.run(() -> require(realm, name).snapshot());
  }

  /** Deletes the role and every member's hold of it; the built-in org-admin stays (409). */
  public void delete(RealmSnapshot realm, String name, Actor actor) {
    useCase.execute(
        () -> {
          if (OrganizationRole.isWellFormed(name)) {
            repository.lockRoleName(realm.id(), name);
          }
          OrganizationRole role = require(realm, name);
          if (role.isBuiltIn()) {
            throw ApplicationProblem.conflict(
                "'" + name + "' is built in and cannot be deleted", "name");
          }
          repository.removeRole(role);
          Map<String, String> details = new TreeMap<>();
          details.put("id", role.id());
          audit.fire(
              new AuditEvent(
                  realm.id(),
                  realm.name(),
                  AuditEventTypes.ORGANIZATION_ROLE_DELETED,
                  actor,
                  name,
                  true,
                  details));
          repository.announceChanged(OrganisationAccess.ALL);
          afterCompletion.run(() -> access.evict(OrganisationAccess.ALL));
        });
  }

  private OrganizationRole require(RealmSnapshot realm, String name) {
    return (OrganizationRole.isWellFormed(name)
            ? repository.findRole(realm.id(), name)
            : Optional.<OrganizationRole>empty())
        .orElseThrow(
            () -> ApplicationProblem.notFound("no organisation role '" + name + "' in this realm"));
  }
}
