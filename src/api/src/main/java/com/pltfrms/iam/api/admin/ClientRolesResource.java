package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.access.RoleService;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.shared.IfMatch;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A client's own roles (written {@code {clientId}:{role}} where roles are named in text), as a
 * realm's roles: create ({@code {"name","description","composites":[...],"permissions":[...]}}; a
 * composite is a realm role's name or a client role as {@code {clientId}:{role}}), list, get,
 * change (PATCH: description, composites, permissions; a cycle is 409), delete (not a built-in
 * role). Each role carries an {@code ETag}; a stale {@code If-Match} is 412.
 */
@Path("admin/realms/{realm}/clients/{clientId}/roles")
@Tag(name = "Roles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClientRolesResource {

  @Inject RealmService realms;
  @Inject RoleService roles;
  @Inject AdminCaller caller;

  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a client role")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it",
      headers = {@Header(name = "Location"), @Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = AccessSchemas.Role.class)))
  public Response create(
      @PathParam("realm") String realm,
      @PathParam("clientId") String clientId,
      @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = AccessSchemas.NewRole.class)))
          InputStream body) {
    return RoleRequests.create(roles, realms.get(realm), clientId, body, uri, caller.principal());
  }

  @GET
  @Operation(summary = "List a client's roles, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = "A page of roles",
      content = @Content(schema = @Schema(implementation = AccessSchemas.RolePage.class)))
  public Response list(
      @PathParam("realm") String realm,
      @PathParam("clientId") String clientId,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    return RoleRequests.list(roles, realms.get(realm), clientId, offset, limit);
  }

  @GET
  @Path("{name}")
  @Operation(summary = "Get a client role")
  @APIResponse(
      responseCode = "200",
      description = "The role; ETag is its version",
      headers = {@Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = AccessSchemas.Role.class)))
  public Response get(
      @PathParam("realm") String realm,
      @PathParam("clientId") String clientId,
      @PathParam("name") String name) {
    return RoleRequests.tagged(roles.get(realms.get(realm), clientId, name));
  }

  @PATCH
  @Path("{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change a client role partially")
  @APIResponse(
      responseCode = "200",
      description = "The changed role",
      headers = {@Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = AccessSchemas.Role.class)))
  public Response update(
      @PathParam("realm") String realm,
      @PathParam("clientId") String clientId,
      @PathParam("name") String name,
      @HeaderParam("If-Match") String ifMatch,
      @RequestBody(
              required = true,
              content =
                  @Content(schema = @Schema(implementation = AccessSchemas.RoleChanges.class)))
          InputStream body) {
    return RoleRequests.update(
        roles, realms.get(realm), clientId, name, ifMatch, body, caller.principal());
  }

  @DELETE
  @Path("{name}")
  @Operation(summary = "Delete a client role")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(
      @PathParam("realm") String realm,
      @PathParam("clientId") String clientId,
      @PathParam("name") String name,
      @HeaderParam("If-Match") String ifMatch) {
    roles.delete(realms.get(realm), clientId, name, IfMatch.parse(ifMatch), caller.principal());
    return Response.noContent().build();
  }
}
