package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.organisation.OrganisationRoleService;
import com.pltfrms.iam.organisation.OrganisationRoleSnapshot;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The organisation roles a realm defines ({@code {"name":"approver","description":"…"}}), which its
 * organisations' members hold one organisation at a time. The built-in {@code org-admin} is there
 * in every realm and cannot be deleted (409); deleting another role takes it from every member.
 */
@Path("admin/realms/{realm}/organization-roles")
@Tag(name = "Organizations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationRolesResource {

  private static final Set<String> FIELDS = Set.of("name", "description");

  @Inject RealmService realms;
  @Inject OrganisationRoleService roles;
  @Inject AdminCaller caller;

  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an organisation role")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it",
      headers = {@Header(name = "Location")},
      content = @Content(schema = @Schema(implementation = OrganisationSchemas.Role.class)))
  public Response create(
      @PathParam("realm") String realmName,
      @RequestBody(
              required = true,
              content =
                  @Content(schema = @Schema(implementation = OrganisationSchemas.NewRole.class)))
          InputStream body) {
    RealmSnapshot realm = realms.get(realmName);
    JsonInput json = JsonInput.read(body, FIELDS);
    OrganisationRoleSnapshot role =
        roles.create(
            realm,
            json.requiredString("name"),
            json.string("description").orElse(null),
            caller.actor());
    return Response.created(uri.getAbsolutePathBuilder().path(role.name()).build())
        .entity(OrganisationJson.role(role))
        .build();
  }

  @GET
  @Operation(summary = "List a realm's organisation roles, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = "A page of organisation roles",
      content = @Content(schema = @Schema(implementation = OrganisationSchemas.RolePage.class)))
  public Response list(
      @PathParam("realm") String realmName,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    RealmSnapshot realm = realms.get(realmName);
    return Response.ok(
            Views.page(roles.list(realm, PageRequest.parse(offset, limit)), OrganisationJson::role))
        .build();
  }

  @GET
  @Path("{orgRole}")
  @Operation(summary = "Get an organisation role")
  @APIResponse(
      responseCode = "200",
      description = "The organisation role",
      content = @Content(schema = @Schema(implementation = OrganisationSchemas.Role.class)))
  public Response get(@PathParam("realm") String realmName, @PathParam("orgRole") String name) {
    return Response.ok(OrganisationJson.role(roles.get(realms.get(realmName), name))).build();
  }

  @DELETE
  @Path("{orgRole}")
  @Operation(summary = "Delete an organisation role")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("realm") String realmName, @PathParam("orgRole") String name) {
    roles.delete(realms.get(realmName), name, caller.actor());
    return Response.noContent().build();
  }
}
