package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.access.RoleRef;
import com.pltfrms.iam.oauth.client.ClientChanges;
import com.pltfrms.iam.oauth.client.ClientService;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.client.ClientType;
import com.pltfrms.iam.oauth.client.NewClient;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import java.util.List;
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
 * A realm's OAuth clients: register (the response carries the secret, this once; a public client
 * has none), list, get, change (PATCH partially, PUT wholly), delete, rotate the secret. {@code
 * roles} are the client's direct realm-role mappings (as {@code …/service-account/roles} has them;
 * a name without a role yet creates it, as this field always allowed). Each client carries an
 * {@code ETag} (its version); writes with a stale {@code If-Match} answer 412.
 */
@Path("admin/realms/{realm}/clients")
@Tag(name = "Clients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClientsResource {

  private static final String IF_MATCH = "If-Match";
  private static final Set<String> CREATE_FIELDS =
      ClientFields.with(Set.of("clientId", "type", "displayName", "allowedScopes", "roles"));
  private static final Set<String> UPDATE_FIELDS =
      ClientFields.with(
          Set.of("clientId", "type", "displayName", "enabled", "allowedScopes", "roles"));

  /** What a PUT may carry: the writable fields and, unchanged, those the server sets. */
  private static final Set<String> REPLACE_FIELDS =
      ClientFields.with(
          Set.of(
              "id",
              "clientId",
              "type",
              "displayName",
              "enabled",
              "allowedScopes",
              "roles",
              "createdAt"));

  @Inject RealmService realms;
  @Inject ClientService clients;
  @Inject AdminCaller caller;

  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a client; a confidential or service client's secret is shown this once")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it",
      headers = {@Header(name = "Location"), @Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = AdminSchemas.ClientWithSecret.class)))
  public Response create(
      @PathParam("realm") String realmName,
      @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = AdminSchemas.NewClient.class)))
          InputStream body) {
    RealmSnapshot realm = realms.get(realmName);
    JsonInput json = JsonInput.read(body, CREATE_FIELDS);
    requireGrantable(realm, json.strings("roles").orElse(List.of()), List.of());
    NewClient created =
        clients.create(
            realm,
            json.requiredString("clientId"),
            ClientType.parse(json.string("type").orElse(null)),
            ClientFields.partial(
                json,
                json.string("displayName"),
                Optional.empty(),
                Optional.of(json.strings("allowedScopes").orElse(List.of())),
                Optional.of(json.strings("roles").orElse(List.of()))),
            caller.actor());
    return Response.created(uri.getAbsolutePathBuilder().path(created.client().clientId()).build())
        .entity(withSecret(created))
        .header(HttpHeaders.ETAG, IfMatch.tag(created.client().version()))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  @GET
  @Operation(summary = "List a realm's clients by clientId, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = "A page of clients",
      content = @Content(schema = @Schema(implementation = AdminSchemas.ClientPage.class)))
  public Response list(
      @PathParam("realm") String realmName,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    RealmSnapshot realm = realms.get(realmName);
    return Response.ok(
            Views.page(
                clients.list(realm, PageRequest.parse(offset, limit)),
                c -> Views.client(c).build()))
        .build();
  }

  @GET
  @Path("{clientId}")
  @Operation(summary = "Get a client")
  @APIResponse(
      responseCode = "200",
      description = "The client; ETag is its version",
      headers = {@Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = AdminSchemas.Client.class)))
  public Response get(
      @PathParam("realm") String realmName, @PathParam("clientId") String clientId) {
    return tagged(clients.get(realms.get(realmName), clientId));
  }

  /** Partial update; clientId and type cannot change. */
  @PATCH
  @Path("{clientId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change some of a client's settings")
  @APIResponse(
      responseCode = "200",
      description = "The client as changed",
      headers = {@Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = AdminSchemas.Client.class)))
  public Response update(
      @PathParam("realm") String realmName,
      @PathParam("clientId") String clientId,
      @HeaderParam(IF_MATCH) String ifMatch,
      @RequestBody(
              required = true,
              content =
                  @Content(schema = @Schema(implementation = AdminSchemas.ClientChanges.class)))
          InputStream body) {
    RealmSnapshot realm = realms.get(realmName);
    JsonInput json = JsonInput.read(body, UPDATE_FIELDS);
    json.requireUnchanged("clientId", clientId);
    json.string("type").ifPresent(ClientType::parse);
    if (json.strings("roles").isPresent()) {
      requireGrantable(realm, json.strings("roles").get(), clients.get(realm, clientId).roles());
    }
    ClientChanges changes =
        ClientFields.partial(
            json,
            json.string("displayName"),
            json.bool("enabled"),
            json.strings("allowedScopes"),
            json.strings("roles"));
    return tagged(clients.update(realm, clientId, changes, IfMatch.parse(ifMatch), caller.actor()));
  }

  /**
   * Replaces the client's settings with the representation sent (RFC 9110 §9.3.4): a writable field
   * left out takes its default (no display name, enabled, no scopes, no roles). Fields the server
   * sets may be sent back unchanged; clientId and type cannot change.
   */
  @PUT
  @Path("{clientId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a client's settings (members left out take their defaults)")
  @APIResponse(
      responseCode = "200",
      description = "The client as replaced",
      headers = {@Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = AdminSchemas.Client.class)))
  public Response replace(
      @PathParam("realm") String realmName,
      @PathParam("clientId") String clientId,
      @HeaderParam(IF_MATCH) String ifMatch,
      @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = AdminSchemas.Client.class)))
          InputStream body) {
    RealmSnapshot realm = realms.get(realmName);
    JsonInput json = JsonInput.read(body, REPLACE_FIELDS);
    json.requireUnchanged("clientId", clientId);
    ClientSnapshot current = clients.get(realm, clientId);
    json.requireUnchanged("id", current.id());
    json.string("type")
        .map(ClientType::parse)
        .filter(type -> type != current.type())
        .ifPresent(
            type -> {
              throw ApplicationProblem.invalid("type cannot change");
            });
    requireGrantable(realm, json.strings("roles").orElse(List.of()), current.roles());
    ClientChanges changes =
        ClientFields.whole(
            json,
            Optional.of(json.string("displayName").orElse("")),
            Optional.of(json.bool("enabled").orElse(true)),
            Optional.of(json.strings("allowedScopes").orElse(List.of())),
            Optional.of(json.strings("roles").orElse(List.of())));
    return tagged(clients.update(realm, clientId, changes, IfMatch.parse(ifMatch), caller.actor()));
  }

  @DELETE
  @Path("{clientId}")
  @Operation(summary = "Delete a client")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(
      @PathParam("realm") String realmName,
      @PathParam("clientId") String clientId,
      @HeaderParam(IF_MATCH) String ifMatch) {
    clients.delete(realms.get(realmName), clientId, IfMatch.parse(ifMatch), caller.actor());
    return Response.noContent().build();
  }

  /** Issues a new secret; the old one stops working at once. */
  @POST
  @Path("{clientId}/secret")
  @Operation(summary = "Issue a new client secret; the old one stops working at once")
  @APIResponse(
      responseCode = "200",
      description = "The client with its new secret, shown this once",
      headers = {@Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = AdminSchemas.ClientWithSecret.class)))
  public Response rotateSecret(
      @PathParam("realm") String realmName, @PathParam("clientId") String clientId) {
    NewClient rotated = clients.rotateSecret(realms.get(realmName), clientId, caller.actor());
    return Response.ok(withSecret(rotated))
        .header(HttpHeaders.ETAG, IfMatch.tag(rotated.client().version()))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  /**
   * The {@code roles} field maps realm roles directly: each role not held already needs the caller
   * to be able to grant it ({@link com.pltfrms.iam.access.AdminPrincipal#mayGrant}), so a {@code
   * manage-clients} caller cannot hand out {@code realm-admin}.
   */
  private void requireGrantable(RealmSnapshot realm, List<String> roles, List<String> current) {
    for (String role : roles) {
      if (!current.contains(role)
          && !caller.principal().mayGrant(realm.name(), RoleRef.realm(role))) {
        throw ApplicationProblem.forbidden(
            "granting '" + role + "' needs holding it, or realm-admin");
      }
    }
  }

  private static Response tagged(ClientSnapshot client) {
    return Response.ok(Views.client(client).build())
        .header(HttpHeaders.ETAG, IfMatch.tag(client.version()))
        .build();
  }

  /** The client and its new secret; a public client has none, and the body says none. */
  private static JsonObject withSecret(NewClient client) {
    JsonObjectBuilder json = Views.client(client.client());
    if (client.clientSecret() != null) {
      json.add("clientSecret", client.clientSecret());
    }
    return json.build();
  }
}
