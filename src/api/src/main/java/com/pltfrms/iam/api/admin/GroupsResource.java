package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.access.GroupChanges;
import com.pltfrms.iam.access.GroupService;
import com.pltfrms.iam.access.GroupSnapshot;
import com.pltfrms.iam.access.RoleRepository.MappingTarget;
import com.pltfrms.iam.access.RoleService;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A realm's groups: create ({@code {"name","parentId","attributes","externalId"}}), list the
 * top-level ones and a group's children, get, change (PATCH: rename, move with {@code parentId},
 * null for the top level; under itself or its own descendant is 409; deeper than 32 levels is 409),
 * delete (with its subtree); members ({@code PUT/DELETE …/members/{userId}}, paged list); role
 * mappings ({@code …/roles/{role}}). Each group carries an {@code ETag}; a stale {@code If-Match}
 * is 412.
 */
@Path("admin/realms/{realm}/groups")
@Tag(name = "Groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GroupsResource {

  private static final int MAX_ATTRIBUTES = 100;
  private static final Set<String> CREATE_FIELDS =
      Set.of("name", "parentId", "attributes", "externalId");
  private static final Set<String> UPDATE_FIELDS =
      Set.of(
          "id",
          "name",
          "parentId",
          "attributes",
          "externalId",
          "path",
          "depth",
          "createdAt",
          "updatedAt");

  @Inject RealmService realms;
  @Inject GroupService groups;
  @Inject RoleService roles;
  @Inject AdminCaller caller;

  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a group, top-level or under parentId")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it",
      headers = {@Header(name = "Location"), @Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = AccessSchemas.Group.class)))
  public Response create(
      @PathParam("realm") String realmName,
      @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = AccessSchemas.NewGroup.class)))
          InputStream body) {
    RealmSnapshot realm = realms.get(realmName);
    JsonInput json = JsonInput.read(body, CREATE_FIELDS);
    GroupSnapshot group =
        groups.create(
            realm,
            json.requiredString("name"),
            json.string("parentId").orElse(null),
            json.string("externalId").orElse(null),
            json.attributes("attributes", MAX_ATTRIBUTES).orElse(null),
            caller.principal());
    return Response.created(uri.getAbsolutePathBuilder().path(group.id()).build())
        .entity(AccessViews.group(group))
        .header(HttpHeaders.ETAG, IfMatch.tag(group.version()))
        .build();
  }

  /** The top-level groups. */
  @GET
  @Operation(summary = "List the top-level groups, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = "A page of groups",
      content = @Content(schema = @Schema(implementation = AccessSchemas.GroupPage.class)))
  public Response list(
      @PathParam("realm") String realmName,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    return children(realmName, null, offset, limit);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Get a group")
  @APIResponse(
      responseCode = "200",
      description = "The group; ETag is its version",
      headers = {@Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = AccessSchemas.Group.class)))
  public Response get(@PathParam("realm") String realmName, @PathParam("id") String id) {
    return tagged(groups.get(realms.get(realmName), id));
  }

  @GET
  @Path("{id}/children")
  @Operation(summary = "List a group's child groups, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = "A page of groups",
      content = @Content(schema = @Schema(implementation = AccessSchemas.GroupPage.class)))
  public Response children(
      @PathParam("realm") String realmName,
      @PathParam("id") String id,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    return Response.ok(
            Views.page(
                groups.children(realms.get(realmName), id, PageRequest.parse(offset, limit)),
                AccessViews::group))
        .build();
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change a group partially: rename, move, attributes")
  @APIResponse(
      responseCode = "200",
      description = "The changed group",
      headers = {@Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = AccessSchemas.Group.class)))
  public Response update(
      @PathParam("realm") String realmName,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      @RequestBody(
              required = true,
              content =
                  @Content(schema = @Schema(implementation = AccessSchemas.GroupChanges.class)))
          InputStream body) {
    RealmSnapshot realm = realms.get(realmName);
    JsonInput json = JsonInput.read(body, UPDATE_FIELDS);
    json.requireUnchanged("id", id);
    json.string("path");
    json.integer("depth");
    json.string("createdAt");
    json.string("updatedAt");
    GroupChanges changes =
        new GroupChanges(
            json.string("name"),
            json.has("parentId") ? Optional.of(json.string("parentId")) : Optional.empty(),
            json.attributes("attributes", MAX_ATTRIBUTES),
            json.has("externalId") ? Optional.of(json.string("externalId")) : Optional.empty());
    return tagged(groups.update(realm, id, changes, IfMatch.parse(ifMatch), caller.principal()));
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete a group and its subgroups")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(
      @PathParam("realm") String realmName,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch) {
    groups.delete(realms.get(realmName), id, IfMatch.parse(ifMatch), caller.principal());
    return Response.noContent().build();
  }

  /** The user ids of the group's direct members, paged. */
  @GET
  @Path("{id}/members")
  @Operation(summary = "List the user ids of a group's direct members, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = "A page of members",
      content = @Content(schema = @Schema(implementation = AccessSchemas.GroupMemberPage.class)))
  public Response members(
      @PathParam("realm") String realmName,
      @PathParam("id") String id,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    return Response.ok(
            Views.page(
                groups.members(realms.get(realmName), id, PageRequest.parse(offset, limit)),
                userId -> Json.createObjectBuilder().add("id", userId).build()))
        .build();
  }

  @PUT
  @Path("{id}/members/{userId}")
  @Operation(summary = "Add a user to a group")
  @APIResponse(responseCode = "204", description = "The user is a member")
  public Response addMember(
      @PathParam("realm") String realmName,
      @PathParam("id") String id,
      @PathParam("userId") String userId) {
    groups.addMember(realms.get(realmName), id, userId, caller.principal());
    return Response.noContent().build();
  }

  @DELETE
  @Path("{id}/members/{userId}")
  @Operation(summary = "Remove a user from a group")
  @APIResponse(responseCode = "204", description = "The user is not a member")
  public Response removeMember(
      @PathParam("realm") String realmName,
      @PathParam("id") String id,
      @PathParam("userId") String userId) {
    groups.removeMember(realms.get(realmName), id, userId, caller.principal());
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/roles")
  @Operation(summary = "The roles mapped directly to a group")
  @APIResponse(
      responseCode = "200",
      description = "The group's role mappings",
      content = @Content(schema = @Schema(implementation = AccessSchemas.RoleMappings.class)))
  public Response mappings(@PathParam("realm") String realmName, @PathParam("id") String id) {
    return Response.ok(
            AccessViews.mappings(roles.mapped(realms.get(realmName), MappingTarget.GROUP, id)))
        .build();
  }

  @PUT
  @Path("{id}/roles/{role}")
  @Operation(summary = "Map a role to a group")
  @APIResponse(responseCode = "204", description = "Mapped")
  public Response map(
      @PathParam("realm") String realmName,
      @PathParam("id") String id,
      @PathParam("role") String role) {
    roles.map(realms.get(realmName), MappingTarget.GROUP, id, role, caller.principal());
    return Response.noContent().build();
  }

  @DELETE
  @Path("{id}/roles/{role}")
  @Operation(summary = "Unmap a role from a group")
  @APIResponse(responseCode = "204", description = "Not mapped")
  public Response unmap(
      @PathParam("realm") String realmName,
      @PathParam("id") String id,
      @PathParam("role") String role) {
    roles.unmap(realms.get(realmName), MappingTarget.GROUP, id, role, caller.principal());
    return Response.noContent().build();
  }

  private static Response tagged(GroupSnapshot group) {
    return Response.ok(AccessViews.group(group))
        .header(HttpHeaders.ETAG, IfMatch.tag(group.version()))
        .build();
  }
}
