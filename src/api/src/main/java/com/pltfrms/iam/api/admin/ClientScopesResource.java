package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.oauth.scope.ClientScopeService;
import com.pltfrms.iam.oauth.scope.ClientScopeView;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
 * A realm's client scopes ({@code {"name":"billing:read","description":"…"}}): the built-in ones
 * every realm has ({@code builtIn: true}: {@code openid profile email address phone offline_access
 * groups organization admin}; they cannot be deleted, 409) and those its admins define (a name that
 * exists is 409). Web and public clients may be allowed only these; deleting one leaves the word in
 * the clients that were allowed it. Guarded like clients ({@code view-clients}, {@code
 * manage-clients}).
 */
@Path("admin/realms/{realm}/client-scopes")
@Tag(name = "Clients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClientScopesResource {

  private static final Set<String> FIELDS = Set.of("name", "description");

  @Inject RealmService realms;
  @Inject ClientScopeService scopes;
  @Inject AdminCaller caller;

  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Define a client scope")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it",
      headers = {@Header(name = "Location")},
      content = @Content(schema = @Schema(implementation = AdminSchemas.ClientScope.class)))
  public Response create(
      @PathParam("realm") String realmName,
      @RequestBody(
              required = true,
              content =
                  @Content(schema = @Schema(implementation = AdminSchemas.NewClientScope.class)))
          InputStream body) {
    RealmSnapshot realm = realms.get(realmName);
    JsonInput json = JsonInput.read(body, FIELDS);
    ClientScopeView scope =
        scopes.create(
            realm,
            json.requiredString("name"),
            json.string("description").orElse(null),
            caller.actor());
    return Response.created(uri.getAbsolutePathBuilder().path(scope.name()).build())
        .entity(json(scope))
        .build();
  }

  @GET
  @Operation(summary = "List a realm's client scopes, the built-in ones first")
  @APIResponse(
      responseCode = "200",
      description = "The client scopes",
      content = @Content(schema = @Schema(implementation = AdminSchemas.ClientScopeList.class)))
  public Response list(@PathParam("realm") String realmName) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    scopes.list(realms.get(realmName)).forEach(s -> items.add(json(s)));
    return Response.ok(Json.createObjectBuilder().add("items", items).build()).build();
  }

  @GET
  @Path("{scope}")
  @Operation(summary = "Get a client scope")
  @APIResponse(
      responseCode = "200",
      description = "The client scope",
      content = @Content(schema = @Schema(implementation = AdminSchemas.ClientScope.class)))
  public Response get(@PathParam("realm") String realmName, @PathParam("scope") String name) {
    return Response.ok(json(scopes.get(realms.get(realmName), name))).build();
  }

  @DELETE
  @Path("{scope}")
  @Operation(summary = "Delete a client scope an admin defined (built-in ones: 409)")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("realm") String realmName, @PathParam("scope") String name) {
    scopes.delete(realms.get(realmName), name, caller.actor());
    return Response.noContent().build();
  }

  private static JsonObject json(ClientScopeView scope) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("name", scope.name());
    if (scope.description() != null) {
      json.add("description", scope.description());
    }
    return json.add("builtIn", scope.builtIn()).build();
  }
}
