package com.pltfrms.iam.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where roles, permissions and role mappings are stored; the one place that knows their queries.
 * Client roles and client-owned permissions name their client by its stable id ({@code
 * clientDbId}).
 */
public interface RoleRepository {

  /** The stable id of the realm's client with this client id. */
  Optional<String> clientDbId(String realmId, String clientId);

  Optional<RoleSnapshot> role(String realmId, String clientDbId, String name);

  Optional<RoleSnapshot> roleById(String roleId);

  List<RoleSnapshot> roles(String realmId, String clientDbId, int offset, int limit);

  long countRoles(String realmId, String clientDbId);

  void insertRole(String id, String realmId, String clientDbId, String name, String description);

  /** Sets the description and moves the version on. */
  void touchRole(String roleId, String description);

  void deleteRole(String roleId);

  void replaceComposites(String roleId, List<String> childIds);

  void replacePermissions(String roleId, List<String> permissionIds);

  /** Every composite edge of the realm: role id → the ids of the roles it includes. */
  Map<String, List<String>> compositeGraph(String realmId);

  Optional<PermissionSnapshot> permission(String realmId, String name);

  List<PermissionSnapshot> permissions(String realmId, int offset, int limit);

  long countPermissions(String realmId);

  void insertPermission(
      String id, String realmId, String clientDbId, String name, String description);

  void touchPermission(String permissionId, String description);

  void deletePermission(String permissionId);

  /** Whether the realm has a user of this id. */
  boolean userExists(String realmId, String userId);

  /** Whether the realm has a group of this id. */
  boolean groupExists(String realmId, String groupId);

  /** Adds a mapping of {@code roleId} to the principal; false if it was there already. */
  boolean map(MappingTarget target, String targetId, String roleId);

  /** Removes the mapping; false if there was none. */
  boolean unmap(MappingTarget target, String targetId, String roleId);

  /** The roles mapped to the target directly. */
  List<RoleRef> mapped(MappingTarget target, String targetId);

  /** How many enabled clients of the realm other than {@code exceptClientDbId} hold the role. */
  long enabledClientsMapped(String roleId, String exceptClientDbId);

  /** Serializes every change to the realm's access model until the transaction ends. */
  void lock(String realmId);

  /** Tells every node, when the transaction commits, that the realm's access model changed. */
  void announceChanged(String realmId);

  /** Who roles are mapped to. */
  enum MappingTarget {
    USER,
    GROUP,
    CLIENT
  }
}
