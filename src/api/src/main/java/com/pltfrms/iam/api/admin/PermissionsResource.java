package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.access.PermissionSnapshot;
import com.pltfrms.iam.access.RoleService;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A realm's named permissions ({@code {"name":"invoices:read","description":"…","clientId":"…"}}:
 * realm-wide, or owned by the client named), unique per realm, attached to roles through the roles'
 * {@code permissions}. Each carries an {@code ETag}; a stale {@code If-Match} is 412.
 */
@Path("admin/realms/{realm}/permissions")
@Tag(name = "Permissions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PermissionsResource {

  private static final Set<String> CREATE_FIELDS = Set.of("name", "description", "clientId");
  private static final Set<String> UPDATE_FIELDS =
      Set.of("id", "name", "description", "clientId", "createdAt");

  @Inject RealmService realms;
  @Inject RoleService roles;
  @Inject AdminCaller caller;

  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a permission")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it",
      headers = {@Header(name = "Location"), @Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = AccessSchemas.Permission.class)))
  public Response create(
      @PathParam("realm") String realmName,
      @RequestBody(
              required = true,
              content =
                  @Content(schema = @Schema(implementation = AccessSchemas.NewPermission.class)))
          InputStream body) {
    RealmSnapshot realm = realms.get(realmName);
    JsonInput json = JsonInput.read(body, CREATE_FIELDS);
    PermissionSnapshot permission =
        roles.createPermission(
            realm,
            json.requiredString("name"),
            json.string("description").orElse(null),
            json.string("clientId").orElse(null),
            caller.principal());
    return Response.created(uri.getAbsolutePathBuilder().path(permission.name()).build())
        .entity(AccessViews.permission(permission))
        .header(HttpHeaders.ETAG, IfMatch.tag(permission.version()))
        .build();
  }

  @GET
  @Operation(summary = "List a realm's permissions, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = "A page of permissions",
      content = @Content(schema = @Schema(implementation = AccessSchemas.PermissionPage.class)))
  public Response list(
      @PathParam("realm") String realmName,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    return Response.ok(
            Views.page(
                roles.listPermissions(realms.get(realmName), PageRequest.parse(offset, limit)),
                AccessViews::permission))
        .build();
  }

  @GET
  @Path("{name}")
  @Operation(summary = "Get a permission")
  @APIResponse(
      responseCode = "200",
      description = "The permission; ETag is its version",
      headers = {@Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = AccessSchemas.Permission.class)))
  public Response get(@PathParam("realm") String realmName, @PathParam("name") String name) {
    return tagged(roles.getPermission(realms.get(realmName), name));
  }

  /** Changes the description; name and owner cannot change. */
  @PATCH
  @Path("{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change a permission's description")
  @APIResponse(
      responseCode = "200",
      description = "The changed permission",
      headers = {@Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = AccessSchemas.Permission.class)))
  public Response update(
      @PathParam("realm") String realmName,
      @PathParam("name") String name,
      @HeaderParam("If-Match") String ifMatch,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      schema = @Schema(implementation = AccessSchemas.PermissionChanges.class)))
          InputStream body) {
    RealmSnapshot realm = realms.get(realmName);
    JsonInput json = JsonInput.read(body, UPDATE_FIELDS);
    // every field's type first (400), then what needs the stored permission (404)
    json.requireUnchanged("name", name);
    json.string("createdAt");
    json.string("id");
    json.string("clientId");
    var description = json.string("description");
    if (json.has("id") || json.has("clientId")) {
      PermissionSnapshot current = roles.getPermission(realm, name);
      json.requireUnchanged("id", current.id());
      json.requireUnchanged("clientId", current.clientId() == null ? "" : current.clientId());
    }
    return tagged(
        roles.updatePermission(
            realm, name, description, IfMatch.parse(ifMatch), caller.principal()));
  }

  @DELETE
  @Path("{name}")
  @Operation(summary = "Delete a permission")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(
      @PathParam("realm") String realmName,
      @PathParam("name") String name,
      @HeaderParam("If-Match") String ifMatch) {
    roles.deletePermission(realms.get(realmName), name, IfMatch.parse(ifMatch), caller.principal());
    return Response.noContent().build();
  }

  private static Response tagged(PermissionSnapshot permission) {
    return Response.ok(AccessViews.permission(permission))
        .header(HttpHeaders.ETAG, IfMatch.tag(permission.version()))
        .build();
  }
}
