package com.pltfrms.iam.access;

import com.pltfrms.iam.access.RoleRepository.MappingTarget;
import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.AccessGenerations;
import com.pltfrms.iam.shared.AfterCompletion;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.Page;
import com.pltfrms.iam.shared.PageRequest;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A realm's group tree ({@link GroupPaths}): create, rename, move (never under itself or its own
 * descendant: 409), change attributes, delete (with its subtree), and members. Membership of a
 * group implies membership of its ancestors for role inheritance ({@link EffectiveAccessService}).
 * Adding a member passes the group's roles (its own and its ancestors') on to the user, so it needs
 * {@link AdminPrincipal#mayGrant} for each of them. Changes are serialized per realm.
 */
@ApplicationScoped
public class GroupService {

  private static final int MAX_EXTERNAL_ID = 255;

  private GroupRepository groups;
  private RoleRepository roles;
  private AccessGenerations generations;
  private AfterCompletion afterCompletion;
  private Event<AuditEvent> audit;
  private UseCase useCase;

  protected GroupService() {}

  @Inject
  public GroupService(
      GroupRepository groups,
      RoleRepository roles,
      AccessGenerations generations,
      AfterCompletion afterCompletion,
      Event<AuditEvent> audit,
      UseCase useCase) {
    this.groups = groups;
    this.roles = roles;
    this.generations = generations;
    this.afterCompletion = afterCompletion;
    this.audit = audit;
    this.useCase = useCase;
  }

  public GroupSnapshot create(
      RealmSnapshot realm,
      String name,
      String parentId,
      String externalId,
      String attributes,
      AdminPrincipal caller) {
    return useCase.run(
        () -> {
          GroupPaths.requireName(name);
          requireExternalId(externalId);
          roles.lock(realm.id());
          GroupSnapshot parent = parentId == null ? null : require(realm, parentId);
          int depth = parent == null ? 1 : parent.depth() + 1;
          GroupPaths.requireDepth(depth);
          String path = GroupPaths.child(parent == null ? null : parent.path(), name);
          if (groups.pathTaken(realm.id(), path)) {
            throw ApplicationProblem.conflict(
                "a group '" + RoleService.safe(name) + "' exists there");
          }
          requireFreeExternalId(realm, externalId, null);
          String id = UUID.randomUUID().toString();
          groups.insert(
              new GroupSnapshot(
                  id,
                  realm.id(),
                  parentId,
                  name,
                  path,
                  depth,
                  externalId,
                  attributes == null ? "{}" : attributes,
                  Instant.EPOCH,
                  Instant.EPOCH,
                  1));
          changed(realm, AuditEventTypes.GROUP_CREATED, id, caller, Map.of("path", path));
          return groups.find(realm.id(), id).orElseThrow();
        });
  }

  public GroupSnapshot get(RealmSnapshot realm, String groupId) {
    return useCase.run(() -> require(realm, groupId));
  }

  /** The top-level groups ({@code parentId} null) or a group's children, by name. */
  public Page<GroupSnapshot> children(RealmSnapshot realm, String parentId, PageRequest page) {
    return useCase.run(
        () -> {
          if (parentId != null) {
            require(realm, parentId);
          }
          return new Page<>(
              groups.children(realm.id(), parentId, page.offset(), page.limit()),
              page.offset(),
              page.limit(),
              groups.countChildren(realm.id(), parentId));
        });
  }

  public GroupSnapshot update(
      RealmSnapshot realm,
      String groupId,
      GroupChanges changes,
      IfMatch ifMatch,
      AdminPrincipal caller) {
    return useCase.run(
        () -> {
          changes.name().ifPresent(GroupPaths::requireName);
          changes.externalId().ifPresent(e -> requireExternalId(e.orElse(null)));
          roles.lock(realm.id());
          GroupSnapshot group = require(realm, groupId);
          ifMatch.check(group.version());
          String name = changes.name().orElse(group.name());
          // present-but-empty means "to the top level" (Optional.map cannot yield null)
          String parentId =
              changes.parentId().isPresent()
                  ? changes.parentId().get().orElse(null)
                  : group.parentId();
          GroupSnapshot parent = parentId == null ? null : require(realm, parentId);
          if (parent != null && GroupPaths.within(parent.path(), group.path())) {
            throw ApplicationProblem.conflict("a group cannot move under itself or its descendant");
          }
          String path = GroupPaths.child(parent == null ? null : parent.path(), name);
          if (!path.equals(group.path())) {
            if (groups.pathTaken(realm.id(), path)) {
              throw ApplicationProblem.conflict(
                  "a group '" + RoleService.safe(name) + "' exists there");
            }
            int depthDelta = (parent == null ? 1 : parent.depth() + 1) - group.depth();
            GroupPaths.requireDepth(groups.deepestWithin(realm.id(), group.path()) + depthDelta);
            groups.move(realm.id(), group.id(), parentId, group.path(), path, depthDelta);
          }
          String externalId =
              changes.externalId().isPresent()
                  ? changes.externalId().get().orElse(null)
                  : group.externalId();
          requireFreeExternalId(realm, externalId, group.id());
          groups.update(
              group.id(), name, externalId, changes.attributes().orElse(group.attributes()));
          changed(realm, AuditEventTypes.GROUP_UPDATED, group.id(), caller, Map.of("path", path));
          return groups.find(realm.id(), group.id()).orElseThrow();
        });
  }

  /** Deletes the group with its subtree; memberships and mappings go with them. */
  public void delete(RealmSnapshot realm, String groupId, IfMatch ifMatch, AdminPrincipal caller) {
    useCase.execute(
        () -> {
          roles.lock(realm.id());
          GroupSnapshot group = require(realm, groupId);
          ifMatch.check(group.version());
          groups.delete(group.id());
          changed(
              realm,
              AuditEventTypes.GROUP_DELETED,
              group.id(),
              caller,
              Map.of("path", group.path()));
        });
  }

  /** Makes the user a member; idempotent. */
  public void addMember(RealmSnapshot realm, String groupId, String userId, AdminPrincipal caller) {
    useCase.execute(
        () -> {
          roles.lock(realm.id());
          GroupSnapshot group = require(realm, groupId);
          requireUser(realm, userId);
          for (String id : groups.selfAndAncestors(realm.id(), group.path())) {
            for (RoleRef role : roles.mapped(MappingTarget.GROUP, id)) {
              if (!caller.mayGrant(realm.name(), role)) {
                throw ApplicationProblem.forbidden(
                    "the group grants '" + role + "', which needs holding it, or realm-admin");
              }
            }
          }
          if (groups.addMember(group.id(), userId)) {
            changed(
                realm,
                AuditEventTypes.GROUP_MEMBER_ADDED,
                group.id(),
                caller,
                Map.of("user", userId, "path", group.path()));
          }
        });
  }

  public void removeMember(
      RealmSnapshot realm, String groupId, String userId, AdminPrincipal caller) {
    useCase.execute(
        () -> {
          roles.lock(realm.id());
          GroupSnapshot group = require(realm, groupId);
          requireUser(realm, userId);
          if (!groups.removeMember(group.id(), userId)) {
            throw ApplicationProblem.notFound("the user is not a member of this group");
          }
          changed(
              realm,
              AuditEventTypes.GROUP_MEMBER_REMOVED,
              group.id(),
              caller,
              Map.of("user", userId, "path", group.path()));
        });
  }

  /** User ids of the group's direct members. */
  public Page<String> members(RealmSnapshot realm, String groupId, PageRequest page) {
    return useCase.run(
        () -> {
          GroupSnapshot group = require(realm, groupId);
          return new Page<>(
              groups.members(group.id(), page.offset(), page.limit()),
              page.offset(),
              page.limit(),
              groups.countMembers(group.id()));
        });
  }

  /** The groups the user is a direct member of. */
  public Page<GroupSnapshot> groupsOf(RealmSnapshot realm, String userId, PageRequest page) {
    return useCase.run(
        () -> {
          requireUser(realm, userId);
          return new Page<>(
              groups.groupsOf(realm.id(), userId, page.offset(), page.limit()),
              page.offset(),
              page.limit(),
              groups.countGroupsOf(userId));
        });
  }

  private GroupSnapshot require(RealmSnapshot realm, String groupId) {
    Optional<GroupSnapshot> group =
        groupId == null || groupId.length() > 36
            ? Optional.empty()
            : groups.find(realm.id(), groupId);
    return group.orElseThrow(
        () ->
            ApplicationProblem.notFound(
                "no group '" + RoleService.safe(groupId) + "' in this realm"));
  }

  private void requireUser(RealmSnapshot realm, String userId) {
    if (userId == null || userId.length() > 36 || !groups.userExists(realm.id(), userId)) {
      throw ApplicationProblem.notFound("no user '" + RoleService.safe(userId) + "' in this realm");
    }
  }

  private static void requireExternalId(String externalId) {
    if (externalId != null && (externalId.isEmpty() || externalId.length() > MAX_EXTERNAL_ID)) {
      throw ApplicationProblem.invalid("externalId must be 1 to 255 characters");
    }
  }

  private void requireFreeExternalId(RealmSnapshot realm, String externalId, String groupId) {
    if (externalId != null && groups.externalIdTaken(realm.id(), externalId, groupId)) {
      throw ApplicationProblem.conflict("another group has this externalId");
    }
  }

  private void changed(
      RealmSnapshot realm,
      String type,
      String target,
      AdminPrincipal caller,
      Map<String, String> details) {
    audit.fire(
        new AuditEvent(realm.id(), realm.name(), type, caller.actor(), target, true, details));
    roles.announceChanged(realm.id());
    afterCompletion.run(() -> generations.advance(realm.id()));
  }
}
