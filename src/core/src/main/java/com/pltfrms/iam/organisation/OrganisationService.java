package com.pltfrms.iam.organisation;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.realm.RealmSnapshot;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Creates, lists, changes and deletes a realm's organisations. Aliases and domains are claims on
 * the realm: taking one is serialized per realm, so a clash is a 409 naming the field, never a 500,
 * even when two admins race. Writes may carry an {@link IfMatch} precondition on the organisation's
 * version. Deleting an organisation removes its domains, memberships and member roles in the same
 * transaction.
 */
@ApplicationScoped
public class OrganisationService {

  private OrganisationRepository repository;
  private OrganisationAccess access;
  private AfterCompletion afterCompletion;
  private Event<AuditEvent> audit;
  private Clock clock;
  private UseCase useCase;

  protected OrganisationService() {}

  @Inject
  public OrganisationService(
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

  /** Creates an organisation; a taken alias or domain is a conflict. */
  public OrganisationSnapshot create(
      RealmSnapshot realm, OrganisationAlias alias, OrganisationChanges settings, Actor actor) {
    return useCase.run(
        () -> {
          Organization organization =
              new Organization(realm.id(), alias, settings.name().orElse(null), clock.instant());
          organization.configure(settings);
          List<OrganisationDomain> domains =
              OrganisationDomain.checkedList(settings.domains().orElse(List.of()));
          repository.lockClaims(realm.id());
          if (repository.find(realm.id(), alias.value()).isPresent()) {
            throw ApplicationProblem.conflict(
                "an organisation with alias '" + alias + "' exists already in this realm", "alias");
          }
          requireFree(realm, domains, null);
          repository.add(organization);
          repository.replaceDomains(organization, domains);
          Map<String, String> details = new java.util.TreeMap<>(settings.auditDetails());
          details.put("id", organization.id());
          changed(realm, AuditEventTypes.ORGANIZATION_CREATED, alias.value(), actor, details);
          return organization.snapshot(domains);
        });
  }

  /**
   * A page of the realm's organisations; {@code q} matches the start of the alias or of the name
   * (case-insensitively), {@code domain} one domain exactly.
   */
  public Page<OrganisationSnapshot> list(
      RealmSnapshot realm, String q, String domain, PageRequest page) {
    String prefix = q == null || q.isEmpty() ? null : q.toLowerCase(Locale.ROOT);
    String exact = domain == null || domain.isEmpty() ? null : normalisedOrNull(domain);
    if (domain != null && !domain.isEmpty() && exact == null) {
      return new Page<>(List.of(), page.offset(), page.limit(), 0); // no domain is malformed
    }
    return useCase.run(
        () -> {
          List<Organization> found =
              repository.list(realm.id(), prefix, exact, page.offset(), page.limit());
          return new Page<>(
              snapshots(found),
              page.offset(),
              page.limit(),
              repository.count(realm.id(), prefix, exact));
        });
  }

  public OrganisationSnapshot get(RealmSnapshot realm, String alias) {
    return useCase.run(() -> snapshot(require(realm, alias)));
  }

  /** Applies {@code changes} (a PATCH sends some, a PUT all) if {@code ifMatch} holds. */
  public OrganisationSnapshot update(
      RealmSnapshot realm,
      String alias,
      OrganisationChanges changes,
      IfMatch ifMatch,
      Actor actor) {
    return useCase.run(
        () -> {
          Optional<List<OrganisationDomain>> domains =
              changes.domains().map(OrganisationDomain::checkedList);
          if (domains.isPresent()) {
            repository.lockClaims(realm.id()); // always before the row lock: no deadlock
          }
          Organization organization = requireForUpdate(realm, alias);
          ifMatch.check(organization.version());
          boolean wasEnabled = organization.isEnabled();
          organization.apply(changes, clock.instant());
          if (domains.isPresent()) {
            requireFree(realm, domains.get(), organization.id());
            repository.replaceDomains(organization, domains.get());
          }
          repository.flush();
          changed(
              realm, AuditEventTypes.ORGANIZATION_UPDATED, alias, actor, changes.auditDetails());
          if (wasEnabled != organization.isEnabled()) {
            announce(OrganisationAccess.ALL); // members' effective access changes
          }
          return snapshot(organization);
        });
  }

  /** Deletes the organisation with its domains, memberships and member roles. */
  public void delete(RealmSnapshot realm, String alias, IfMatch ifMatch, Actor actor) {
    useCase.execute(
        () -> {
          Organization organization = requireForUpdate(realm, alias);
          ifMatch.check(organization.version());
          long members = repository.countMembers(organization.id());
          repository.remove(organization);
          changed(
              realm,
              AuditEventTypes.ORGANIZATION_DELETED,
              alias,
              actor,
              Map.of("id", organization.id(), "members", Long.toString(members)));
          announce(OrganisationAccess.ALL);
        });
  }

  /** Refuses domains another organisation of the realm owns already (409 naming the field). */
  private void requireFree(RealmSnapshot realm, List<OrganisationDomain> domains, String self) {
    for (OrganisationDomain domain : domains) {
      Optional<String> owner = repository.domainOwner(realm.id(), domain.name());
      if (owner.isPresent() && !owner.get().equals(self)) {
        throw ApplicationProblem.conflict(
            "the domain '" + domain.name() + "' belongs to another organisation of this realm",
            "domains");
      }
    }
  }

  private static String normalisedOrNull(String domain) {
    try {
      return OrganisationDomain.normalise(domain);
    } catch (ApplicationProblem e) {
      return null;
    }
  }

  Organization require(RealmSnapshot realm, String alias) {
    return found(
        alias,
        OrganisationAlias.isWellFormed(alias)
            ? repository.find(realm.id(), alias)
            : Optional.empty());
  }

  /** For writes: the organisation, locked, so concurrent writers and If-Match checks serialize. */
  private Organization requireForUpdate(RealmSnapshot realm, String alias) {
    return found(
        alias,
        OrganisationAlias.isWellFormed(alias)
            ? repository.findForUpdate(realm.id(), alias)
            : Optional.empty());
  }

  static Organization found(String alias, Optional<Organization> organization) {
    return organization.orElseThrow(
        () -> ApplicationProblem.notFound("no organisation '" + alias + "' in this realm"));
  }

  private OrganisationSnapshot snapshot(Organization organization) {
    return organization.snapshot(
        repository.domainsOf(List.of(organization.id())).get(organization.id()));
  }

  private List<OrganisationSnapshot> snapshots(List<Organization> organizations) {
    Map<String, List<OrganisationDomain>> domains =
        repository.domainsOf(organizations.stream().map(Organization::id).toList());
    return organizations.stream().map(o -> o.snapshot(domains.get(o.id()))).toList();
  }

  private void changed(
      RealmSnapshot realm, String type, String alias, Actor actor, Map<String, String> details) {
    audit.fire(new AuditEvent(realm.id(), realm.name(), type, actor, alias, true, details));
  }

  private void announce(String key) {
    repository.announceChanged(key);
    afterCompletion.run(() -> access.evict(key));
  }
}
