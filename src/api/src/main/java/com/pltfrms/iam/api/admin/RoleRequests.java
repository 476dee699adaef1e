package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.access.AdminPrincipal;
import com.pltfrms.iam.access.RoleChanges;
import com.pltfrms.iam.access.RoleService;
import com.pltfrms.iam.access.RoleSnapshot;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

/** What realm roles and client roles share: the same body, the same answers. */
final class RoleRequests {

  static final Set<String> CREATE_FIELDS =
      Set.of("name", "description", "composites", "permissions");

  /** A PATCH (or a role sent back whole): the writable fields and, unchanged, the server's. */
  static final Set<String> UPDATE_FIELDS =
      Set.of(
          "id",
          "name",
          "reference",
          "clientId",
          "builtIn",
          "description",
          "composites",
          "permissions",
          "createdAt");

  private RoleRequests() {}

  static Response create(
      RoleService roles,
      RealmSnapshot realm,
      String clientId,
      InputStream body,
      UriInfo uri,
      AdminPrincipal caller) {
    JsonInput json = JsonInput.read(body, CREATE_FIELDS);
    RoleSnapshot role =
        roles.create(
            realm,
            clientId,
            json.requiredString("name"),
            json.string("description").orElse(null),
            json.strings("composites").orElse(List.of()),
            json.strings("permissions").orElse(List.of()),
            caller);
    return Response.created(uri.getAbsolutePathBuilder().path(role.name()).build())
        .entity(AccessViews.role(role))
        .header(HttpHeaders.ETAG, IfMatch.tag(role.version()))
        .build();
  }

  static Response list(
      RoleService roles, RealmSnapshot realm, String clientId, String offset, String limit) {
    return Response.ok(
            Views.page(
                roles.list(realm, clientId, PageRequest.parse(offset, limit)), AccessViews::role))
        .build();
  }

  static Response update(
      RoleService roles,
      RealmSnapshot realm,
      String clientId,
      String name,
      String ifMatch,
      InputStream body,
      AdminPrincipal caller) {
    JsonInput json = JsonInput.read(body, UPDATE_FIELDS);
    // every field's type first (400), then what needs the stored role (404)
    json.requireUnchanged("name", name);
    json.bool("builtIn");
    json.string("createdAt");
    json.string("id");
    json.string("reference");
    json.string("clientId");
    RoleChanges changes =
        new RoleChanges(
            json.string("description"), json.strings("composites"), json.strings("permissions"));
    if (json.has("id") || json.has("reference") || json.has("clientId")) {
      RoleSnapshot current = roles.get(realm, clientId, name);
      json.requireUnchanged("id", current.id());
      json.requireUnchanged("reference", current.ref().reference());
      if (json.has("clientId")) {
        json.requireUnchanged("clientId", current.clientId() == null ? "" : current.clientId());
      }
    }
    return tagged(roles.update(realm, clientId, name, changes, IfMatch.parse(ifMatch), caller));
  }

  static Response tagged(RoleSnapshot role) {
    return Response.ok(AccessViews.role(role))
        .header(HttpHeaders.ETAG, IfMatch.tag(role.version()))
        .build();
  }
}
