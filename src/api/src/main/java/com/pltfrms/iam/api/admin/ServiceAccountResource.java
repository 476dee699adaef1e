package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.access.RoleRepository.MappingTarget;
import com.pltfrms.iam.access.RoleService;
import com.pltfrms.iam.realm.RealmService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A service client's service account: its direct role mappings ({@code …/roles}, {@code PUT/DELETE
 * …/roles/{role}}, client roles as {@code {clientId}:{role}}) and its effective roles and
 * permissions, which its client-credentials tokens carry.
 */
@Path("admin/realms/{realm}/clients/{clientId}/service-account")
@Tag(name = "Roles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ServiceAccountResource {

  @Inject RealmService realms;
  @Inject RoleService roles;
  @Inject AdminCaller caller;

  @GET
  @Path("roles")
  @Operation(summary = "The roles mapped directly to a client's service account")
  @APIResponse(
      responseCode = "200",
      description = "The service account's role mappings",
      content = @Content(schema = @Schema(implementation = AccessSchemas.RoleMappings.class)))
  public Response mappings(
      @PathParam("realm") String realmName, @PathParam("clientId") String clientId) {
    return Response.ok(
            AccessViews.mappings(
                roles.mapped(realms.get(realmName), MappingTarget.CLIENT, clientId)))
        .build();
  }

  @PUT
  @Path("roles/{role}")
  @Operation(summary = "Map a role to a client's service account")
  @APIResponse(responseCode = "204", description = "Mapped")
  public Response map(
      @PathParam("realm") String realmName,
      @PathParam("clientId") String clientId,
      @PathParam("role") String role) {
    roles.map(realms.get(realmName), MappingTarget.CLIENT, clientId, role, caller.principal());
    return Response.noContent().build();
  }

  @DELETE
  @Path("roles/{role}")
  @Operation(summary = "Unmap a role from a client's service account")
  @APIResponse(responseCode = "204", description = "Not mapped")
  public Response unmap(
      @PathParam("realm") String realmName,
      @PathParam("clientId") String clientId,
      @PathParam("role") String role) {
    roles.unmap(realms.get(realmName), MappingTarget.CLIENT, clientId, role, caller.principal());
    return Response.noContent().build();
  }

  @GET
  @Path("effective-roles")
  @Operation(summary = "Every role a client's service account holds, and why")
  @APIResponse(
      responseCode = "200",
      description = "The effective roles",
      content = @Content(schema = @Schema(implementation = AccessSchemas.EffectiveRoles.class)))
  public Response effectiveRoles(
      @PathParam("realm") String realmName, @PathParam("clientId") String clientId) {
    return Response.ok(
            AccessViews.effectiveRoles(
                roles.effective(realms.get(realmName), MappingTarget.CLIENT, clientId)))
        .build();
  }

  @GET
  @Path("effective-permissions")
  @Operation(summary = "Every permission a client's service account holds, and why")
  @APIResponse(
      responseCode = "200",
      description = "The effective permissions",
      content =
          @Content(schema = @Schema(implementation = AccessSchemas.EffectivePermissions.class)))
  public Response effectivePermissions(
      @PathParam("realm") String realmName, @PathParam("clientId") String clientId) {
    return Response.ok(
            AccessViews.effectivePermissions(
                roles.effective(realms.get(realmName), MappingTarget.CLIENT, clientId)))
        .build();
  }
}
