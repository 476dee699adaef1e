package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.access.EffectiveAccess;
import com.pltfrms.iam.access.EffectivePermission;
import com.pltfrms.iam.access.EffectiveRole;
import com.pltfrms.iam.access.Grant;
import com.pltfrms.iam.access.GroupSnapshot;
import com.pltfrms.iam.access.PermissionSnapshot;
import com.pltfrms.iam.access.RoleRef;
import com.pltfrms.iam.access.RoleSnapshot;
import com.pltfrms.iam.organisation.OrganisationGrant;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;

/** The JSON of roles, permissions, groups, mappings and effective access. */
final class AccessViews {

  private AccessViews() {}

  static JsonObject role(RoleSnapshot role) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", role.id())
            .add("name", role.name())
            .add("reference", role.ref().reference())
            .add("builtIn", role.builtIn())
            .add("composites", refs(role.composites()))
            .add("permissions", strings(role.permissions()))
            .add("createdAt", role.createdAt().toString());
    if (role.clientId() != null) {
      json.add("clientId", role.clientId());
    }
    if (role.description() != null) {
      json.add("description", role.description());
    }
    return json.build();
  }

  static JsonObject permission(PermissionSnapshot permission) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", permission.id())
            .add("name", permission.name())
            .add("createdAt", permission.createdAt().toString());
    if (permission.clientId() != null) {
      json.add("clientId", permission.clientId());
    }
    if (permission.description() != null) {
      json.add("description", permission.description());
    }
    return json.build();
  }

  static JsonObject group(GroupSnapshot group) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", group.id())
            .add("name", group.name())
            .add("path", group.path())
            .add("depth", group.depth())
            .add("attributes", parse(group.attributes()))
            .add("createdAt", group.createdAt().toString())
            .add("updatedAt", group.updatedAt().toString());
    if (group.parentId() != null) {
      json.add("parentId", group.parentId());
    } else {
      json.addNull("parentId");
    }
    if (group.externalId() != null) {
      json.add("externalId", group.externalId());
    }
    return json.build();
  }

  /** The roles mapped directly, as references. */
  static JsonObject mappings(List<RoleRef> roles) {
    JsonArrayBuilder realm = Json.createArrayBuilder();
    JsonArrayBuilder all = Json.createArrayBuilder();
    for (RoleRef role : roles) {
      all.add(role.reference());
      if (role.isRealmRole()) {
        realm.add(role.name());
      }
    }
    return Json.createObjectBuilder().add("roles", all).add("realmRoles", realm).build();
  }

  static JsonObject effectiveRoles(EffectiveAccess access) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (EffectiveRole role : access.roles()) {
      JsonObjectBuilder item =
          Json.createObjectBuilder()
              .add("role", role.role().reference())
              .add("name", role.role().name());
      if (role.role().clientId() != null) {
        item.add("clientId", role.role().clientId());
      }
      items.add(item.add("sources", grants(role.grants())));
    }
    return Json.createObjectBuilder()
        .add("items", items)
        .add("realmRoles", strings(access.realmRoleNames()))
        .build();
  }

  /**
   * A user's effective roles and, as the {@code organization} claim will carry them, its
   * organisations with the roles held in each: {@code {"globex":{"id":"…","roles":["approver"]}}}.
   */
  static JsonObject effectiveRoles(
      EffectiveAccess access, java.util.Map<String, OrganisationGrant> organisations) {
    JsonObjectBuilder byAlias = Json.createObjectBuilder();
    organisations.forEach(
        (alias, grant) ->
            byAlias.add(
                alias,
                Json.createObjectBuilder()
                    .add("id", grant.organisationId())
                    .add("roles", strings(grant.roles()))));
    return Json.createObjectBuilder(effectiveRoles(access)).add("organizations", byAlias).build();
  }

  static JsonObject effectivePermissions(EffectiveAccess access) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (EffectivePermission permission : access.permissions()) {
      JsonObjectBuilder item = Json.createObjectBuilder().add("name", permission.name());
      if (permission.clientId() != null) {
        item.add("clientId", permission.clientId());
      }
      items.add(item.add("sources", grants(permission.grants())));
    }
    return Json.createObjectBuilder().add("items", items).build();
  }

  private static JsonArrayBuilder grants(List<Grant> grants) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (Grant grant : grants) {
      JsonObjectBuilder item =
          Json.createObjectBuilder().add("type", grant.source().name().toLowerCase());
      switch (grant.source()) {
        case GROUP -> item.add("group", grant.via());
        case COMPOSITE, ROLE -> item.add("role", grant.via());
        case DIRECT -> {}
      }
      array.add(item);
    }
    return array;
  }

  private static JsonArrayBuilder refs(List<RoleRef> roles) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    roles.forEach(r -> array.add(r.reference()));
    return array;
  }

  private static JsonArrayBuilder strings(List<String> values) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }

  private static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
