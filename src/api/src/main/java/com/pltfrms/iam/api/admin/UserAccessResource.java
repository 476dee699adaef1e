package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.access.GroupService;
import com.pltfrms.iam.access.RoleRepository.MappingTarget;
import com.pltfrms.iam.access.RoleService;
import com.pltfrms.iam.access.UserEffectiveAccess;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What a user holds: its groups ({@code …/users/{id}/groups}), its direct role mappings ({@code
 * …/roles}, {@code PUT/DELETE …/roles/{role}}, client roles as {@code {clientId}:{role}}) and its
 * effective roles and permissions with where each comes from. The path names the facets literally
 * ({@code {facet: …}}), so this class never claims {@code …/users/{id}} itself, which the user API
 * serves.
 */
@Path(
    "admin/realms/{realm}/users/{userId}/{facet: roles|groups|effective-roles|effective-permissions}")
@Tag(name = "Users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserAccessResource {

  @Inject RealmService realms;
  @Inject RoleService roles;
  @Inject GroupService groups;
  @Inject AdminCaller caller;

  @GET
  @Operation(
      summary = "A user's role mappings, groups (paged), effective roles or effective permissions")
  @APIResponse(
      responseCode = "200",
      description = "RoleMappings, GroupPage, EffectiveRoles or EffectivePermissions by facet",
      content = @Content(schema = @Schema(implementation = AccessSchemas.UserAccess.class)))
  public Response get(
      @PathParam("realm") String realmName,
      @PathParam("userId") String userId,
      @PathParam("facet") String facet,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    var realm = realms.get(realmName);
    if (facet.equals("effective-roles")) {
      UserEffectiveAccess effective = roles.userEffective(realm, userId);
      // W3C Server Timing: what the effective-access function cost, apart from HTTP and lookups
      return Response.ok(AccessViews.effectiveRoles(effective.access(), effective.organisations()))
          .header(
              "Server-Timing",
              String.format(
                  Locale.ROOT,
                  "access;dur=%.3f;desc=\"effective access\"",
                  effective.functionNanos() / 1e6))
          .build();
    }
    return Response.ok(
            switch (facet) {
              case "groups" ->
                  Views.page(
                      groups.groupsOf(realm, userId, PageRequest.parse(offset, limit)),
                      AccessViews::group);
              case "roles" -> AccessViews.mappings(roles.mapped(realm, MappingTarget.USER, userId));
              default ->
                  AccessViews.effectivePermissions(
                      roles.effective(realm, MappingTarget.USER, userId));
            })
        .build();
  }

  @PUT
  @Path("{role}")
  @Operation(summary = "Map a role to a user (facet roles only)")
  @APIResponse(responseCode = "204", description = "Mapped")
  public Response map(
      @PathParam("realm") String realmName,
      @PathParam("userId") String userId,
      @PathParam("facet") String facet,
      @PathParam("role") String role) {
    requireRoles(facet);
    roles.map(realms.get(realmName), MappingTarget.USER, userId, role, caller.principal());
    return Response.noContent().build();
  }

  @DELETE
  @Path("{role}")
  @Operation(summary = "Unmap a role from a user (facet roles only)")
  @APIResponse(responseCode = "204", description = "Not mapped")
  public Response unmap(
      @PathParam("realm") String realmName,
      @PathParam("userId") String userId,
      @PathParam("facet") String facet,
      @PathParam("role") String role) {
    requireRoles(facet);
    roles.unmap(realms.get(realmName), MappingTarget.USER, userId, role, caller.principal());
    return Response.noContent().build();
  }

  private static void requireRoles(String facet) {
    if (!"roles".equals(facet)) {
      throw new jakarta.ws.rs.NotFoundException();
    }
  }
}
