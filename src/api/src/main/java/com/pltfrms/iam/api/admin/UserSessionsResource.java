package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.session.SessionClient;
import com.pltfrms.iam.session.SessionService;
import com.pltfrms.iam.session.SessionSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
 * A user's live SSO sessions (issue 7 point 7): list them, end one, end all. Ending a session logs
 * the user out of that browser at its next request; tokens already issued live on until they expire
 * (their revocation belongs to the logout issue). An unknown user, one of another realm, or a
 * session not of this user is 404. Bodies never carry a cookie value or its hash.
 */
@Path("admin/realms/{realm}/users/{userId}/sessions")
@Tag(name = "Users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserSessionsResource {

  @Inject RealmService realms;
  @Inject SessionService sessions;
  @Inject AdminCaller caller;

  @GET
  @Operation(summary = "The user's live SSO sessions, newest first")
  @APIResponse(
      responseCode = "200",
      description = "The sessions",
      content = @Content(schema = @Schema(implementation = SessionSchemas.SessionList.class)))
  public Response list(@PathParam("realm") String realmName, @PathParam("userId") String userId) {
    List<SessionSnapshot> live = sessions.list(realms.get(realmName), userId);
    JsonArrayBuilder items = Json.createArrayBuilder();
    live.forEach(session -> items.add(view(session)));
    return Response.ok(
            Json.createObjectBuilder().add("items", items).add("total", live.size()).build())
        .build();
  }

  @DELETE
  @Operation(summary = "End all the user's SSO sessions")
  @APIResponse(responseCode = "204", description = "Ended (also when there were none)")
  public Response endAll(@PathParam("realm") String realmName, @PathParam("userId") String userId) {
    sessions.endAll(realms.get(realmName), userId, caller.actor());
    return Response.noContent().build();
  }

  @DELETE
  @Path("{sessionId}")
  @Operation(summary = "End one of the user's SSO sessions")
  @APIResponse(responseCode = "204", description = "Ended")
  public Response end(
      @PathParam("realm") String realmName,
      @PathParam("userId") String userId,
      @PathParam("sessionId") String sessionId) {
    sessions.end(realms.get(realmName), userId, sessionId, caller.actor());
    return Response.noContent().build();
  }

  private static JsonObject view(SessionSnapshot session) {
    JsonArrayBuilder clients = Json.createArrayBuilder();
    for (SessionClient client : session.clients()) {
      clients.add(
          Json.createObjectBuilder()
              .add("id", client.id())
              .add("clientId", client.clientId())
              .add("firstIssuedAt", client.firstIssuedAt().toString())
              .add("lastIssuedAt", client.lastIssuedAt().toString()));
    }
    return Json.createObjectBuilder()
        .add("id", session.id())
        .add("userId", session.userId())
        .add("createdAt", session.createdAt().toString())
        .add("lastSeenAt", session.lastSeenAt().toString())
        .add("authTime", session.authTime().toString())
        .add("idleExpiresAt", session.idleExpiresAt().toString())
        .add("expiresAt", session.expiresAt().toString())
        .add("clients", clients)
        .build();
  }
}
