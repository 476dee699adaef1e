package com.pltfrms.iam.api.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON shapes of roles, permissions, groups, role mappings and effective access, for the
 * OpenAPI document only (see {@link AdminSchemas}): the resources read bodies through {@link
 * JsonInput} and {@link RoleRequests} and write them with {@link AccessViews}; these classes
 * describe what those accept and produce.
 */
final class AccessSchemas {

  private AccessSchemas() {}

  private static final String REFERENCE =
      "A role reference: a realm role's name, or clientId:name for a client role.";

  @Schema(
      name = "Role",
      description = "A realm role, or a client role (with clientId).",
      requiredProperties = {
        "id",
        "name",
        "reference",
        "builtIn",
        "composites",
        "permissions",
        "createdAt"
      })
  static final class Role {
    @Schema(format = "uuid", readOnly = true)
    public String id;

    public String name;

    @Schema(readOnly = true, description = REFERENCE)
    public String reference;

    @Schema(readOnly = true, description = "The owning client; absent for a realm role.")
    public String clientId;

    @Schema(readOnly = true)
    public boolean builtIn;

    public String description;

    @Schema(description = "The roles this one includes, as references.")
    public List<String> composites;

    @Schema(description = "The names of the permissions this role grants.")
    public List<String> permissions;

    @Schema(readOnly = true)
    public Instant createdAt;
  }

  @Schema(name = "NewRole", requiredProperties = "name")
  static final class NewRole {
    public String name;

    public String description;

    @Schema(description = "The roles this one includes, as references.")
    public List<String> composites;

    @Schema(description = "The names of the permissions this role grants.")
    public List<String> permissions;
  }

  @Schema(
      name = "RoleChanges",
      description =
          "A partial update: members left out stay as they are. The name and the server's fields"
              + " (id, reference, clientId, builtIn, createdAt) may be sent back unchanged.")
  static final class RoleChanges {
    @Schema(description = "If sent, the role's current name.")
    public String name;

    @Schema(nullable = true)
    public String description;

    public List<String> composites;

    public List<String> permissions;

    @Schema(description = "If sent, unchanged.")
    public String id;

    @Schema(description = "If sent, unchanged.")
    public String reference;

    @Schema(description = "If sent, unchanged.")
    public String clientId;

    @Schema(description = "Ignored.")
    public Boolean builtIn;

    @Schema(description = "Ignored.")
    public String createdAt;
  }

  @Schema(
      name = "RolePage",
      requiredProperties = {"items", "offset", "limit", "total"})
  static final class RolePage {
    public List<Role> items;

    public int offset;

    public int limit;

    public long total;
  }

  @Schema(
      name = "Permission",
      description = "A named permission roles grant; owned by the realm or a client.",
      requiredProperties = {"id", "name", "createdAt"})
  static final class Permission {
    @Schema(format = "uuid", readOnly = true)
    public String id;

    public String name;

    @Schema(description = "The owning client; absent for a realm permission.")
    public String clientId;

    public String description;

    @Schema(readOnly = true)
    public Instant createdAt;
  }

  @Schema(name = "NewPermission", requiredProperties = "name")
  static final class NewPermission {
    public String name;

    public String description;

    @Schema(description = "The owning client, if any.")
    public String clientId;
  }

  @Schema(
      name = "PermissionChanges",
      description =
          "Changes the description; name, id, clientId and createdAt may be sent back unchanged.")
  static final class PermissionChanges {
    @Schema(nullable = true)
    public String description;

    @Schema(description = "If sent, the permission's current name.")
    public String name;

    @Schema(description = "If sent, unchanged.")
    public String id;

    @Schema(description = "If sent, unchanged.")
    public String clientId;

    @Schema(description = "Ignored.")
    public String createdAt;
  }

  @Schema(
      name = "PermissionPage",
      requiredProperties = {"items", "offset", "limit", "total"})
  static final class PermissionPage {
    public List<Permission> items;

    public int offset;

    public int limit;

    public long total;
  }

  @Schema(
      name = "Group",
      description = "A group of users, in a tree; its role mappings apply to every member.",
      requiredProperties = {
        "id",
        "name",
        "path",
        "depth",
        "parentId",
        "attributes",
        "createdAt",
        "updatedAt"
      })
  static final class Group {
    @Schema(format = "uuid", readOnly = true)
    public String id;

    public String name;

    @Schema(readOnly = true, description = "The names from the root, as /parent/child.")
    public String path;

    @Schema(readOnly = true)
    public int depth;

    @Schema(format = "uuid", nullable = true, description = "null for a top-level group.")
    public String parentId;

    @Schema(description = "Each name maps to a list of strings.")
    public Map<String, List<String>> attributes;

    public String externalId;

    @Schema(readOnly = true)
    public Instant createdAt;

    @Schema(readOnly = true)
    public Instant updatedAt;
  }

  @Schema(name = "NewGroup", requiredProperties = "name")
  static final class NewGroup {
    public String name;

    @Schema(format = "uuid", description = "The parent group; absent for a top-level group.")
    public String parentId;

    @Schema(description = "At most 100 names, each mapping to a list of strings.")
    public Map<String, List<String>> attributes;

    public String externalId;
  }

  @Schema(
      name = "GroupChanges",
      description =
          "A partial update: rename, move (parentId, null for the top level), attributes,"
              + " externalId; the server's fields may be sent back unchanged.")
  static final class GroupChanges {
    public String name;

    @Schema(format = "uuid", nullable = true)
    public String parentId;

    @Schema(description = "Replaces them; at most 100 names.")
    public Map<String, List<String>> attributes;

    @Schema(nullable = true)
    public String externalId;

    @Schema(description = "If sent, unchanged.")
    public String id;

    @Schema(description = "Ignored.")
    public String path;

    @Schema(description = "Ignored.")
    public Integer depth;

    @Schema(description = "Ignored.")
    public String createdAt;

    @Schema(description = "Ignored.")
    public String updatedAt;
  }

  @Schema(
      name = "GroupPage",
      requiredProperties = {"items", "offset", "limit", "total"})
  static final class GroupPage {
    public List<Group> items;

    public int offset;

    public int limit;

    public long total;
  }

  @Schema(name = "GroupMember", requiredProperties = "id")
  static final class GroupMember {
    @Schema(format = "uuid", description = "The user's id.")
    public String id;
  }

  @Schema(
      name = "GroupMemberPage",
      requiredProperties = {"items", "offset", "limit", "total"})
  static final class GroupMemberPage {
    public List<GroupMember> items;

    public int offset;

    public int limit;

    public long total;
  }

  @Schema(
      name = "RoleMappings",
      description = "The roles mapped directly to a user, group or service account.",
      requiredProperties = {"roles", "realmRoles"})
  static final class RoleMappings {
    @Schema(description = "Every mapped role, as references (" + REFERENCE + ")")
    public List<String> roles;

    @Schema(description = "The names of the mapped realm roles.")
    public List<String> realmRoles;
  }

  @Schema(
      name = "Grant",
      description = "Where an effective role or permission comes from.",
      requiredProperties = "type")
  static final class Grant {
    @Schema(enumeration = {"direct", "group", "composite", "role"})
    public String type;

    @Schema(format = "uuid", description = "For type group: the group mapped to the role.")
    public String group;

    @Schema(description = "For type composite or role: the role it comes through, a reference.")
    public String role;
  }

  @Schema(
      name = "EffectiveRole",
      requiredProperties = {"role", "name", "sources"})
  static final class EffectiveRole {
    @Schema(description = REFERENCE)
    public String role;

    public String name;

    @Schema(description = "The owning client; absent for a realm role.")
    public String clientId;

    public List<Grant> sources;
  }

  @Schema(
      name = "EffectiveRoles",
      description = "Every role held, directly, through groups or composites, and why.",
      requiredProperties = {"items", "realmRoles"})
  static final class EffectiveRoles {
    public List<EffectiveRole> items;

    @Schema(description = "The names of the effective realm roles.")
    public List<String> realmRoles;

    @Schema(
        description =
            "A user's organisations by alias, each with the organisation roles held there only"
                + " (absent for a service account).")
    public Map<String, OrganisationAccess> organizations;
  }

  @Schema(
      name = "OrganisationAccess",
      requiredProperties = {"id", "roles"})
  static final class OrganisationAccess {
    public String id;

    @Schema(description = "The organisation roles the user holds in this organisation.")
    public List<String> roles;
  }

  @Schema(
      name = "EffectivePermission",
      requiredProperties = {"name", "sources"})
  static final class EffectivePermission {
    public String name;

    @Schema(description = "The owning client; absent for a realm permission.")
    public String clientId;

    public List<Grant> sources;
  }

  @Schema(
      name = "EffectivePermissions",
      description = "Every permission the effective roles grant, and why.",
      requiredProperties = "items")
  static final class EffectivePermissions {
    public List<EffectivePermission> items;
  }

  @Schema(
      name = "UserAccess",
      description =
          "By facet: roles gives RoleMappings, groups a GroupPage, effective-roles EffectiveRoles,"
              + " effective-permissions EffectivePermissions.",
      oneOf = {
        RoleMappings.class,
        GroupPage.class,
        EffectiveRoles.class,
        EffectivePermissions.class
      })
  static final class UserAccess {}
}
