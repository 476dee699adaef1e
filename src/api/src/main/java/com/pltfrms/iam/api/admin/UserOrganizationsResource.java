package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.organisation.OrganisationMemberService;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The organisations a user of the realm belongs to, paged and ordered by alias, each with the
 * organisation roles the user holds there ({@code roles}). An unknown user, or one of another
 * realm, is 404.
 */
@Path("admin/realms/{realm}/users/{userId}/organizations")
@Tag(name = "Organizations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserOrganizationsResource {

  @Inject RealmService realms;
  @Inject OrganisationMemberService members;

  @GET
  @Operation(summary = "The organisations a user is a member of, with its roles in each")
  @APIResponse(
      responseCode = "200",
      description = "A page of memberships",
      content =
          @Content(schema = @Schema(implementation = OrganisationSchemas.MembershipPage.class)))
  public Response list(
      @PathParam("realm") String realmName,
      @PathParam("userId") String userId,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    return Response.ok(
            Views.page(
                members.organisationsOf(
                    realms.get(realmName), userId, PageRequest.parse(offset, limit)),
                OrganisationJson::membership))
        .build();
  }
}
