package com.pltfrms.iam.access;

import com.pltfrms.iam.access.RoleRepository.MappingTarget;
import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.organisation.OrganisationGrant;
import com.pltfrms.iam.realm.RealmName;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.AccessGenerations;
import com.pltfrms.iam.shared.AfterCompletion;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.Page;
import com.pltfrms.iam.shared.PageRequest;
import com.pltfrms.iam.shared.SystemAdmin;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Realm roles, client roles (a client's own, written {@code {clientId}:{role}} wherever a role is
 * named in text), composite roles, permissions and the mapping of roles to users, groups and
 * service clients. Every change is serialized per realm, audited and announced (the realm's {@link
 * AccessGenerations generation} moves at commit, other nodes hear it through NOTIFY).
 *
 * <p>Nobody grants what they do not hold: mapping a role, removing a mapping, or putting a role
 * into a composite needs {@link AdminPrincipal#mayGrant}. A composite cycle is 409.
 */
@ApplicationScoped
public class RoleService {

  private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern PERMISSION_NAME = Pattern.compile("[A-Za-z0-9._:*/-]{1,128}");
  private static final int MAX_DESCRIPTION = 255;
  private static final int MAX_ENTRIES = 100;

  private RoleRepository repository;
  private EffectiveAccessService effective;
  private AccessGenerations generations;
  private AfterCompletion afterCompletion;
  private Event<AuditEvent> audit;
  private UseCase useCase;

  protected RoleService() {}

  @Inject
  public RoleService(
      RoleRepository repository,
      EffectiveAccessService effective,
      AccessGenerations generations,
      AfterCompletion afterCompletion,
      Event<AuditEvent> audit,
      UseCase useCase) {
    this.repository = repository;
    this.effective = effective;
    this.generations = generations;
    this.afterCompletion = afterCompletion;
    this.audit = audit;
    this.useCase = useCase;
  }

  // ---- roles -----------------------------------------------------------------------------------

  /** Creates a realm role ({@code clientId} null) or a role of that client. */
  public RoleSnapshot create(
      RealmSnapshot realm,
      String clientId,
      String name,
      String description,
      List<String> composites,
      List<String> permissions,
      AdminPrincipal caller) {
    return useCase.run(
        () -> {
          requireRoleName(name);
          requireDescription(description);
          repository.lock(realm.id());
          String clientDbId = clientDbId(realm, clientId);
          if (repository.role(realm.id(), clientDbId, name).isPresent()) {
            throw ApplicationProblem.conflict("a role '" + name + "' exists already");
          }
          List<String> childIds = grantable(realm, composites, caller);
          List<String> permissionIds = permissionIds(realm, permissions);
          String id = UUID.randomUUID().toString();
          repository.insertRole(id, realm.id(), clientDbId, name, description);
          repository.replaceComposites(id, childIds);
          repository.replacePermissions(id, permissionIds);
          RoleSnapshot role = repository.roleById(id).orElseThrow();
          changed(realm, AuditEventTypes.ROLE_CREATED, role.ref().reference(), caller, Map.of());
          return role;
        });
  }

  public RoleSnapshot get(RealmSnapshot realm, String clientId, String name) {
    return useCase.run(() -> require(realm, clientDbId(realm, clientId), name));
  }

  public Page<RoleSnapshot> list(RealmSnapshot realm, String clientId, PageRequest page) {
    return useCase.run(
        () -> {
          String clientDbId = clientDbId(realm, clientId);
          return new Page<>(
              repository.roles(realm.id(), clientDbId, page.offset(), page.limit()),
              page.offset(),
              page.limit(),
              repository.countRoles(realm.id(), clientDbId));
        });
  }

  /** Changes the description, the composites (a cycle is 409) or the permissions of a role. */
  public RoleSnapshot update(
      RealmSnapshot realm,
      String clientId,
      String name,
      RoleChanges changes,
      IfMatch ifMatch,
      AdminPrincipal caller) {
    return useCase.run(
        () -> {
          changes.description().ifPresent(RoleService::requireDescription);
          repository.lock(realm.id());
          RoleSnapshot role = require(realm, clientDbId(realm, clientId), name);
          ifMatch.check(role.version());
          if (changes.composites().isPresent()) {
            List<String> childIds = grantable(realm, changes.composites().get(), caller);
            if (childIds.contains(role.id())
                || Composites.wouldCycle(
                    repository.compositeGraph(realm.id()), role.id(), childIds)) {
              throw ApplicationProblem.conflict(
                  "the composites would make role '" + role.ref() + "' include itself");
            }
            repository.replaceComposites(role.id(), childIds);
          }
          if (changes.permissions().isPresent()) {
            repository.replacePermissions(
                role.id(), permissionIds(realm, changes.permissions().get()));
          }
          repository.touchRole(role.id(), changes.description().orElse(role.description()));
          changed(realm, AuditEventTypes.ROLE_UPDATED, role.ref().reference(), caller, Map.of());
          return repository.roleById(role.id()).orElseThrow();
        });
  }

  public void delete(
      RealmSnapshot realm, String clientId, String name, IfMatch ifMatch, AdminPrincipal caller) {
    useCase.execute(
        () -> {
          repository.lock(realm.id());
          RoleSnapshot role = require(realm, clientDbId(realm, clientId), name);
          ifMatch.check(role.version());
          if (role.builtIn()) {
            throw ApplicationProblem.conflict("'" + role.ref() + "' is built in");
          }
          repository.deleteRole(role.id());
          changed(realm, AuditEventTypes.ROLE_DELETED, role.ref().reference(), caller, Map.of());
        });
  }

  // ---- permissions -----------------------------------------------------------------------------

  public PermissionSnapshot createPermission(
      RealmSnapshot realm,
      String name,
      String description,
      String clientId,
      AdminPrincipal caller) {
    return useCase.run(
        () -> {
          if (name == null || !PERMISSION_NAME.matcher(name).matches()) {
            throw ApplicationProblem.invalid(
                "name must be 1 to 128 characters of A-Z, a-z, 0-9, '.', '_', ':', '*', '/', '-'");
          }
          requireDescription(description);
          repository.lock(realm.id());
          String clientDbId = clientDbId(realm, clientId);
          if (repository.permission(realm.id(), name).isPresent()) {
            throw ApplicationProblem.conflict("a permission '" + name + "' exists already");
          }
          String id = UUID.randomUUID().toString();
          repository.insertPermission(id, realm.id(), clientDbId, name, description);
          changed(realm, AuditEventTypes.PERMISSION_CREATED, name, caller, Map.of());
          return repository.permission(realm.id(), name).orElseThrow();
        });
  }

  public PermissionSnapshot getPermission(RealmSnapshot realm, String name) {
    return useCase.run(() -> requirePermission(realm, name));
  }

  public Page<PermissionSnapshot> listPermissions(RealmSnapshot realm, PageRequest page) {
    return useCase.run(
        () ->
            new Page<>(
                repository.permissions(realm.id(), page.offset(), page.limit()),
                page.offset(),
                page.limit(),
                repository.countPermissions(realm.id())));
  }

  public PermissionSnapshot updatePermission(
      RealmSnapshot realm,
      String name,
      Optional<String> description,
      IfMatch ifMatch,
      AdminPrincipal caller) {
    return useCase.run(
        () -> {
          description.ifPresent(RoleService::requireDescription);
          repository.lock(realm.id());
          PermissionSnapshot permission = requirePermission(realm, name);
          ifMatch.check(permission.version());
          repository.touchPermission(permission.id(), description.orElse(permission.description()));
          changed(realm, AuditEventTypes.PERMISSION_UPDATED, name, caller, Map.of());
          return requirePermission(realm, name);
        });
  }

  public void deletePermission(
      RealmSnapshot realm, String name, IfMatch ifMatch, AdminPrincipal caller) {
    useCase.execute(
        () -> {
          repository.lock(realm.id());
          PermissionSnapshot permission = requirePermission(realm, name);
          ifMatch.check(permission.version());
          repository.deletePermission(permission.id());
          changed(realm, AuditEventTypes.PERMISSION_DELETED, name, caller, Map.of());
        });
  }

  // ---- mappings --------------------------------------------------------------------------------

  /**
   * Maps the role {@code reference} names to a user (by id), a group (by id) or a service client
   * (by client id). Idempotent: mapping a role held already changes nothing and records nothing.
   */
  public void map(
      RealmSnapshot realm,
      MappingTarget target,
      String targetKey,
      String reference,
      AdminPrincipal caller) {
    useCase.execute(
        () -> {
          repository.lock(realm.id());
          String targetId = targetId(realm, target, targetKey);
          RoleSnapshot role = resolveGrantable(realm, reference, caller);
          if (repository.map(target, targetId, role.id())) {
            mappingChanged(
                realm, AuditEventTypes.ROLE_MAPPING_ADDED, target, targetKey, role, caller);
          }
        });
  }

  /** Removes a mapping; removing one that is not there is 404. */
  public void unmap(
      RealmSnapshot realm,
      MappingTarget target,
      String targetKey,
      String reference,
      AdminPrincipal caller) {
    useCase.execute(
        () -> {
          repository.lock(realm.id());
          String targetId = targetId(realm, target, targetKey);
          RoleSnapshot role = resolveGrantable(realm, reference, caller);
          if (target == MappingTarget.CLIENT
              && RealmName.SYSTEM.equals(realm.name())
              && role.ref().equals(RoleRef.realm(SystemAdmin.ROLE))
              && repository.enabledClientsMapped(role.id(), targetId) == 0) {
            throw ApplicationProblem.conflict(
                "'"
                    + targetKey
                    + "' is the last enabled administrator of the system realm; create another"
                    + " first");
          }
          if (!repository.unmap(target, targetId, role.id())) {
            throw ApplicationProblem.notFound("'" + reference + "' is not mapped there");
          }
          mappingChanged(
              realm, AuditEventTypes.ROLE_MAPPING_REMOVED, target, targetKey, role, caller);
        });
  }

  /** The roles mapped directly to the target. */
  public List<RoleRef> mapped(RealmSnapshot realm, MappingTarget target, String targetKey) {
    return useCase.run(() -> repository.mapped(target, targetId(realm, target, targetKey)));
  }

  /** The effective access of a user (by id) or a service client (by client id). */
  public EffectiveAccess effective(RealmSnapshot realm, MappingTarget target, String targetKey) {
    String targetId = useCase.run(() -> targetId(realm, target, targetKey));
    return switch (target) {
      case USER -> effective.of(AccessPrincipal.user(realm.id(), targetId));
      case CLIENT -> effective.of(AccessPrincipal.serviceClient(realm.id(), targetId));
      case GROUP -> throw new IllegalArgumentException("groups have no effective access");
    };
  }

  /**
   * A user's effective access and organisations, the user looked up once; with how long the
   * effective-access function itself took (cache hit or computation), for {@code Server-Timing}.
   */
  public UserEffectiveAccess userEffective(RealmSnapshot realm, String userId) {
    String targetId = useCase.run(() -> targetId(realm, MappingTarget.USER, userId));
    AccessPrincipal principal = AccessPrincipal.user(realm.id(), targetId);
    long started = System.nanoTime();
    EffectiveAccess access = effective.of(principal);
    Map<String, OrganisationGrant> organisations = effective.organisations(principal);
    return new UserEffectiveAccess(access, organisations, System.nanoTime() - started);
  }

  /**
   * The role a reference names: a realm role of exactly that name if there is one, else {@code
   * {clientId}:{role}} split at its last ':' (client ids may hold ':', role names may not).
   */
  Optional<RoleSnapshot> resolve(RealmSnapshot realm, String reference) {
    if (reference == null || reference.isEmpty() || reference.length() > 200) {
      return Optional.empty();
    }
    Optional<RoleSnapshot> realmRole = repository.role(realm.id(), null, reference);
    if (realmRole.isPresent()) {
      return realmRole;
    }
    int colon = reference.lastIndexOf(':');
    if (colon <= 0 || colon == reference.length() - 1) {
      return Optional.empty();
    }
    return repository
        .clientDbId(realm.id(), reference.substring(0, colon))
        .flatMap(client -> repository.role(realm.id(), client, reference.substring(colon + 1)));
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private RoleSnapshot resolveGrantable(
      RealmSnapshot realm, String reference, AdminPrincipal caller) {
    RoleSnapshot role =
        resolve(realm, reference)
            .orElseThrow(() -> ApplicationProblem.notFound("no role '" + reference + "'"));
    if (!caller.mayGrant(realm.name(), role.ref())) {
      throw ApplicationProblem.forbidden(
          "granting '" + role.ref() + "' needs holding it, or realm-admin");
    }
    return role;
  }

  /** The ids of the composites named, each grantable by the caller; unknown names are 400. */
  private List<String> grantable(
      RealmSnapshot realm, List<String> references, AdminPrincipal caller) {
    if (references.size() > MAX_ENTRIES) {
      throw ApplicationProblem.invalid("composites may hold at most " + MAX_ENTRIES + " roles");
    }
    List<String> ids = new ArrayList<>();
    for (String reference : new LinkedHashSet<>(references)) {
      RoleSnapshot role =
          resolve(realm, reference)
              .orElseThrow(
                  () ->
                      ApplicationProblem.invalid("composites: no role '" + safe(reference) + "'"));
      if (!caller.mayGrant(realm.name(), role.ref())) {
        throw ApplicationProblem.forbidden(
            "including '" + role.ref() + "' needs holding it, or realm-admin");
      }
      ids.add(role.id());
    }
    return ids;
  }

  private List<String> permissionIds(RealmSnapshot realm, List<String> names) {
    if (names.size() > MAX_ENTRIES) {
      throw ApplicationProblem.invalid("permissions may hold at most " + MAX_ENTRIES + " entries");
    }
    List<String> ids = new ArrayList<>();
    for (String name : new LinkedHashSet<>(names)) {
      ids.add(
          repository
              .permission(realm.id(), name)
              .orElseThrow(
                  () ->
                      ApplicationProblem.invalid("permissions: no permission '" + safe(name) + "'"))
              .id());
    }
    return ids;
  }

  private String targetId(RealmSnapshot realm, MappingTarget target, String key) {
    return switch (target) {
      case USER -> {
        if (key == null || !repository.userExists(realm.id(), key)) {
          throw ApplicationProblem.notFound("no user '" + safe(key) + "' in this realm");
        }
        yield key;
      }
      case GROUP -> {
        if (key == null || !repository.groupExists(realm.id(), key)) {
          throw ApplicationProblem.notFound("no group '" + safe(key) + "' in this realm");
        }
        yield key;
      }
      case CLIENT -> clientDbId(realm, key);
    };
  }

  /** The stable id of the client with this client id, or null for {@code clientId} null. */
  private String clientDbId(RealmSnapshot realm, String clientId) {
    if (clientId == null) {
      return null;
    }
    return repository
        .clientDbId(realm.id(), clientId)
        .orElseThrow(
            () -> ApplicationProblem.notFound("no client '" + safe(clientId) + "' in this realm"));
  }

  private RoleSnapshot require(RealmSnapshot realm, String clientDbId, String name) {
    return repository
        .role(realm.id(), clientDbId, name)
        .orElseThrow(() -> ApplicationProblem.notFound("no role '" + safe(name) + "'"));
  }

  private PermissionSnapshot requirePermission(RealmSnapshot realm, String name) {
    return repository
        .permission(realm.id(), name)
        .orElseThrow(() -> ApplicationProblem.notFound("no permission '" + safe(name) + "'"));
  }

  private static void requireRoleName(String name) {
    if (name == null || !ROLE_NAME.matcher(name).matches()) {
      throw ApplicationProblem.invalid(
          "name must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
    }
  }

  private static void requireDescription(String description) {
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw ApplicationProblem.invalid("description may take at most 255 characters");
    }
  }

  static String safe(String text) {
    if (text == null) {
      return "";
    }
    String cut = text.length() > 64 ? text.substring(0, 64) : text;
    return cut.replaceAll("[^\\x20-\\x7E]", "?");
  }

  private void mappingChanged(
      RealmSnapshot realm,
      String type,
      MappingTarget target,
      String targetKey,
      RoleSnapshot role,
      AdminPrincipal caller) {
    changed(
        realm,
        type,
        target.name().toLowerCase(java.util.Locale.ROOT) + ":" + targetKey,
        caller,
        Map.of("role", role.ref().reference()));
  }

  private void changed(
      RealmSnapshot realm,
      String type,
      String target,
      AdminPrincipal caller,
      Map<String, String> details) {
    audit.fire(
        new AuditEvent(realm.id(), realm.name(), type, caller.actor(), target, true, details));
    repository.announceChanged(realm.id());
    afterCompletion.run(() -> generations.advance(realm.id()));
  }
}
