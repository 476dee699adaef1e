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

/**
 * The organisations a user of the realm belongs to, paged and ordered by alias, each with the
 * organisation roles the user holds there ({@code roles}). An unknown user, or one of another
 * realm, is 404.
 */
@Path("admin/realms/{realm}/users/{userId}/organizations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserOrganizationsResource {

  @Inject RealmService realms;
  @Inject OrganisationMemberService members;

  @GET
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
