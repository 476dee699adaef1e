package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.organisation.OrganisationMemberService;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An organisation's members and their organisation roles. {@code PUT …/members/{userId}} makes a
 * user of the realm a member (201 when it becomes one, 204 when it was one: RFC 9110 §9.3.4), and
 * {@code DELETE} ends the membership with its roles. {@code PUT …/members/{userId}/roles/{role}}
 * gives the member an organisation role in this organisation only (409 for a non-member), {@code
 * DELETE} takes it. A user of another realm is not found here (404).
 */
@Path("admin/realms/{realm}/organizations/{alias}/members")
@Tag(name = "Organizations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationMembersResource {

  @Inject RealmService realms;
  @Inject OrganisationMemberService members;
  @Inject AdminCaller caller;

  @Context UriInfo uri;

  @GET
  @Operation(summary = "List an organisation's members, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = "A page of members",
      content = @Content(schema = @Schema(implementation = OrganisationSchemas.MemberPage.class)))
  public Response list(
      @PathParam("realm") String realmName,
      @PathParam("alias") String alias,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    RealmSnapshot realm = realms.get(realmName);
    return Response.ok(
            Views.page(
                members.list(realm, alias, PageRequest.parse(offset, limit)),
                OrganisationJson::member))
        .build();
  }

  @GET
  @Path("{memberId}")
  @Operation(summary = "Get a member of an organisation")
  @APIResponse(
      responseCode = "200",
      description = "The member",
      content = @Content(schema = @Schema(implementation = OrganisationSchemas.Member.class)))
  public Response get(
      @PathParam("realm") String realmName,
      @PathParam("alias") String alias,
      @PathParam("memberId") String userId) {
    return Response.ok(OrganisationJson.member(members.get(realms.get(realmName), alias, userId)))
        .build();
  }

  @PUT
  @Path("{memberId}")
  @Operation(summary = "Add a user to an organisation")
  @APIResponse(
      responseCode = "201",
      description = "Added",
      headers = {@Header(name = "Location")},
      content = @Content(schema = @Schema(implementation = OrganisationSchemas.Member.class)))
  @APIResponse(responseCode = "204", description = "Already a member")
  public Response add(
      @PathParam("realm") String realmName,
      @PathParam("alias") String alias,
      @PathParam("memberId") String userId) {
    RealmSnapshot realm = realms.get(realmName);
    boolean added = members.add(realm, alias, userId, caller.actor());
    if (!added) {
      return Response.noContent().build();
    }
    return Response.created(uri.getAbsolutePath())
        .entity(OrganisationJson.member(members.get(realm, alias, userId)))
        .build();
  }

  @DELETE
  @Path("{memberId}")
  @Operation(summary = "Remove a user from an organisation")
  @APIResponse(responseCode = "204", description = "Removed")
  public Response remove(
      @PathParam("realm") String realmName,
      @PathParam("alias") String alias,
      @PathParam("memberId") String userId) {
    members.remove(realms.get(realmName), alias, userId, caller.actor());
    return Response.noContent().build();
  }

  @GET
  @Path("{memberId}/roles")
  @Operation(summary = "A member's organisation roles")
  @APIResponse(
      responseCode = "200",
      description = "The member's roles",
      content = @Content(schema = @Schema(implementation = OrganisationSchemas.MemberRoles.class)))
  public Response roles(
      @PathParam("realm") String realmName,
      @PathParam("alias") String alias,
      @PathParam("memberId") String userId) {
    return Response.ok(
            Json.createObjectBuilder()
                .add(
                    "roles",
                    OrganisationJson.strings(members.roles(realms.get(realmName), alias, userId)))
                .build())
        .build();
  }

  @PUT
  @Path("{memberId}/roles/{orgRole}")
  @Operation(summary = "Grant an organisation role to a member")
  @APIResponse(
      responseCode = "201",
      description = "Granted; no body",
      headers = {@Header(name = "Location")})
  @APIResponse(responseCode = "204", description = "Already granted")
  public Response grant(
      @PathParam("realm") String realmName,
      @PathParam("alias") String alias,
      @PathParam("memberId") String userId,
      @PathParam("orgRole") String role) {
    boolean granted = members.grant(realms.get(realmName), alias, userId, role, caller.actor());
    return granted ? Response.created(uri.getAbsolutePath()).build() : Response.noContent().build();
  }

  @DELETE
  @Path("{memberId}/roles/{orgRole}")
  @Operation(summary = "Revoke an organisation role from a member")
  @APIResponse(responseCode = "204", description = "Revoked")
  public Response revoke(
      @PathParam("realm") String realmName,
      @PathParam("alias") String alias,
      @PathParam("memberId") String userId,
      @PathParam("orgRole") String role) {
    members.revoke(realms.get(realmName), alias, userId, role, caller.actor());
    return Response.noContent().build();
  }
}
