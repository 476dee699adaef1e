package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.oauth.consent.ConsentService;
import com.pltfrms.iam.oauth.consent.ConsentView;
import com.pltfrms.iam.realm.RealmService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What a user allowed which client (issue 7 point 8): list the consents, revoke one. After a
 * revocation the client's next authorization request for this user shows the consent page again. An
 * unknown user, one of another realm, or a client without a consent is 404.
 */
@Path("admin/realms/{realm}/users/{userId}/consents")
@Tag(name = "Users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserConsentsResource {

  @Inject RealmService realms;
  @Inject ConsentService consents;
  @Inject AdminCaller caller;

  @GET
  @Operation(summary = "The user's consents, by client")
  @APIResponse(
      responseCode = "200",
      description = "The consents",
      content = @Content(schema = @Schema(implementation = SessionSchemas.ConsentList.class)))
  public Response list(@PathParam("realm") String realmName, @PathParam("userId") String userId) {
    List<ConsentView> all = consents.list(realms.get(realmName), userId);
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (ConsentView consent : all) {
      JsonArrayBuilder scopes = Json.createArrayBuilder();
      consent.scopes().forEach(scopes::add);
      items.add(
          Json.createObjectBuilder()
              .add("clientId", consent.clientId())
              .add("scopes", scopes)
              .add("createdAt", consent.createdAt().toString())
              .add("updatedAt", consent.updatedAt().toString()));
    }
    return Response.ok(
            Json.createObjectBuilder().add("items", items).add("total", all.size()).build())
        .build();
  }

  @DELETE
  @Path("{clientId}")
  @Operation(summary = "Revoke the user's consent to a client")
  @APIResponse(responseCode = "204", description = "Revoked")
  public Response revoke(
      @PathParam("realm") String realmName,
      @PathParam("userId") String userId,
      @PathParam("clientId") String clientId) {
    consents.revoke(realms.get(realmName), userId, clientId, caller.actor());
    return Response.noContent().build();
  }
}
