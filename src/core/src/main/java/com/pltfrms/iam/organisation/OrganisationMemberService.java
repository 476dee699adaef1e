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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An organisation's members and the organisation roles they hold there. Members are users of the
 * organisation's realm (a user of another realm is not found: 404); a user may belong to several
 * organisations. Only a member holds organisation roles (granting one to a non-member is 409), and
 * ending a membership ends its roles. Adding a member or granting a role twice changes nothing (PUT
 * is idempotent); each change is an audit event and evicts the user's cached {@link
 * OrganisationAccess} entry.
 */
@ApplicationScoped
public class OrganisationMemberService {

  private OrganisationRepository repository;
  private OrganisationAccess access;
  private AfterCompletion afterCompletion;
  private Event<AuditEvent> audit;
  private Clock clock;
  private UseCase useCase;

  protected OrganisationMemberService() {}

  @Inject
  public OrganisationMemberService(
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

  /** Makes the user a member; true when it was not one before. */
  public boolean add(RealmSnapshot realm, String alias, String userId, Actor actor) {
    return useCase.run(
        () -> {
          Organization organization = lockOrganisation(realm, alias);
          String username = lockUser(realm, userId);
          boolean added = repository.addMember(organization.id(), userId, clock.instant());
          if (added) {
            changed(
                realm,
                AuditEventTypes.ORGANIZATION_MEMBER_ADDED,
                alias,
                actor,
                userId,
                username,
                null);
          }
          return added;
        });
  }

  /** Ends the membership and the roles it held; 404 when the user is no member. */
  public void remove(RealmSnapshot realm, String alias, String userId, Actor actor) {
    useCase.execute(
        () -> {
          Organization organization = lockOrganisation(realm, alias);
          String username = lockUser(realm, userId);
          List<String> roles = repository.memberRoles(organization.id(), userId);
          if (!repository.removeMember(organization.id(), userId)) {
            throw notMember(alias);
          }
          changed(
              realm,
              AuditEventTypes.ORGANIZATION_MEMBER_REMOVED,
              alias,
              actor,
              userId,
              username,
              roles.isEmpty() ? null : String.join(" ", roles));
        });
  }

  public OrganisationMember get(RealmSnapshot realm, String alias, String userId) {
    return useCase.run(
        () ->
            repository
                .member(organisation(realm, alias).id(), userId)
                .orElseThrow(() -> notMember(alias)));
  }

  public Page<OrganisationMember> list(RealmSnapshot realm, String alias, PageRequest page) {
    return useCase.run(
        () -> {
          Organization organization = organisation(realm, alias);
          return new Page<>(
              repository.members(organization.id(), page.offset(), page.limit()),
              page.offset(),
              page.limit(),
              repository.countMembers(organization.id()));
        });
  }

  /** The organisations of the realm the user is a member of, each with the roles held there. */
  public Page<Membership> organisationsOf(RealmSnapshot realm, String userId, PageRequest page) {
    return useCase.run(
        () -> {
          user(realm, userId, false);
          List<Organization> found =
              repository.organisationsOf(realm.id(), userId, page.offset(), page.limit());
          Map<String, List<OrganisationDomain>> domains =
              repository.domainsOf(found.stream().map(Organization::id).toList());
          Map<String, List<String>> roles = repository.rolesOf(userId);
          return new Page<>(
              found.stream()
                  .map(
                      o ->
                          new Membership(
                              o.snapshot(domains.get(o.id())),
                              roles.getOrDefault(o.id(), List.of())))
                  .toList(),
              page.offset(),
              page.limit(),
              repository.countOrganisationsOf(realm.id(), userId));
        });
  }

  /** An organisation with the roles one user holds in it. */
  public record Membership(OrganisationSnapshot organisation, List<String> roles) {
    public Membership {
      roles = List.copyOf(roles);
    }
  }

  // ---- member roles ---------------------------------------------------------------------------

  /** Gives the member the organisation role in this organisation; true when newly given. */
  public boolean grant(RealmSnapshot realm, String alias, String userId, String role, Actor actor) {
    return useCase.run(
        () -> {
          Organization organization = lockOrganisation(realm, alias);
          String username = lockUser(realm, userId);
          String roleId = lockRole(realm, role);
          if (!repository.lockMembership(organization.id(), userId)) {
            throw ApplicationProblem.conflict(
                "the user is not a member of '" + alias + "'; add it as a member first", "userId");
          }
          boolean granted = repository.grant(organization.id(), userId, roleId);
          if (granted) {
            changed(
                realm,
                AuditEventTypes.ORGANIZATION_ROLE_GRANTED,
                alias,
                actor,
                userId,
                username,
                role);
          }
          return granted;
        });
  }

  /** Takes the organisation role from the member; 404 when it does not hold it. */
  public void revoke(RealmSnapshot realm, String alias, String userId, String role, Actor actor) {
    useCase.execute(
        () -> {
          Organization organization = lockOrganisation(realm, alias);
          String username = lockUser(realm, userId);
          String roleId = lockRole(realm, role);
          if (!repository.revoke(organization.id(), userId, roleId)) {
            throw ApplicationProblem.notFound(
                "the user does not hold '" + role + "' in '" + alias + "'");
          }
          changed(
              realm,
              AuditEventTypes.ORGANIZATION_ROLE_REVOKED,
              alias,
              actor,
              userId,
              username,
              role);
        });
  }

  /** The organisation roles the member holds in the organisation; 404 for a non-member. */
  public List<String> roles(RealmSnapshot realm, String alias, String userId) {
    return useCase.run(() -> get(realm, alias, userId).roles());
  }

  // ---- helpers --------------------------------------------------------------------------------

  private Organization organisation(RealmSnapshot realm, String alias) {
    return OrganisationService.found(
        alias,
        OrganisationAlias.isWellFormed(alias)
            ? repository.find(realm.id(), alias)
            : Optional.empty());
  }

  /**
   * The organisation, locked: membership changes of one organisation serialize with its deletion.
   */
  private Organization lockOrganisation(RealmSnapshot realm, String alias) {
    return OrganisationService.found(
        alias,
        OrganisationAlias.isWellFormed(alias)
            ? repository.findForUpdate(realm.id(), alias)
            : Optional.empty());
  }

  private String lockUser(RealmSnapshot realm, String userId) {
    return user(realm, userId, true);
  }

  /** The user's name; 404 for an unknown user or one of another realm. */
  private String user(RealmSnapshot realm, String userId, boolean lock) {
    return (userId == null || userId.length() > 36
            ? Optional.<String>empty()
            : lock
                ? repository.lockUser(realm.id(), userId)
                : repository.findUser(realm.id(), userId))
        .orElseThrow(() -> ApplicationProblem.notFound("no user '" + userId + "' in this realm"));
  }

  private String lockRole(RealmSnapshot realm, String role) {
    return (OrganizationRole.isWellFormed(role)
            ? repository.lockRole(realm.id(), role)
            : Optional.<String>empty())
        .orElseThrow(
            () -> ApplicationProblem.notFound("no organisation role '" + role + "' in this realm"));
  }

  private static ApplicationProblem notMember(String alias) {
    return ApplicationProblem.notFound("the user is not a member of '" + alias + "'");
  }

  private void changed(
      RealmSnapshot realm,
      String type,
      String alias,
      Actor actor,
      String userId,
      String username,
      String role) {
    Map<String, String> details = new java.util.TreeMap<>();
    details.put("userId", userId);
    details.put("username", username);
    if (role != null) {
      details.put(
          type.equals(AuditEventTypes.ORGANIZATION_MEMBER_REMOVED) ? "roles" : "role", role);
    }
    audit.fire(new AuditEvent(realm.id(), realm.name(), type, actor, alias, true, details));
    repository.announceChanged(userId);
    afterCompletion.run(() -> access.evict(userId));
  }
}
