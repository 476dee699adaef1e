package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.api.support.Problems;
import com.pltfrms.iam.keys.KeyNotRetirableYet;
import com.pltfrms.iam.keys.KeyService;
import com.pltfrms.iam.keys.KeyView;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A realm's signing keys and their staged rotation: add (published, not signing), activate (the
 * previous active key stays published as PASSIVE), retire (removed from the JWKS, private half
 * destroyed). Retiring a key that stopped signing too recently for its tokens to have expired is a
 * 409 that says when it becomes possible ({@code retirableAt}, and {@code Retry-After}); {@code
 * ?force=true} retires it at once, for a compromised key, and the audit event records the force.
 */
@Path("admin/realms/{realm}/keys")
@Tag(name = "Signing keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

  @Inject RealmService realms;
  @Inject KeyService keys;
  @Inject AdminCaller caller;
  @Inject Clock clock;

  @Context UriInfo uri;

  @GET
  @Operation(summary = "List a realm's signing keys")
  @APIResponse(
      responseCode = "200",
      description = "The keys, oldest first",
      content = @Content(schema = @Schema(implementation = AdminSchemas.SigningKeyList.class)))
  public Response list(@PathParam("realm") String realmName) {
    RealmSnapshot realm = realms.get(realmName);
    JsonArrayBuilder items = Json.createArrayBuilder();
    keys.list(realm.id()).forEach(k -> items.add(Views.key(k)));
    return Response.ok(Json.createObjectBuilder().add("items", items).build()).build();
  }

  @POST
  @Operation(
      summary = "Add a signing key: published in the JWKS at once, signing only once activated")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      headers = {@Header(name = "Location")},
      content = @Content(schema = @Schema(implementation = AdminSchemas.SigningKey.class)))
  public Response add(@PathParam("realm") String realmName) {
    RealmSnapshot realm = realms.get(realmName);
    KeyView key = keys.add(realm.id(), realm.name(), caller.actor());
    return Response.created(uri.getAbsolutePathBuilder().path(key.kid()).build())
        .entity(Views.key(key))
        .build();
  }

  @POST
  @Path("{kid}/activate")
  @Operation(summary = "Make a key the realm's signer; the previous one stays published as PASSIVE")
  @APIResponse(
      responseCode = "200",
      description = "The key, now ACTIVE",
      content = @Content(schema = @Schema(implementation = AdminSchemas.SigningKey.class)))
  public Response activate(@PathParam("realm") String realmName, @PathParam("kid") String kid) {
    RealmSnapshot realm = realms.get(realmName);
    return Response.ok(Views.key(keys.activate(realm.id(), realm.name(), kid, caller.actor())))
        .build();
  }

  @POST
  @Path("{kid}/retire")
  @Operation(
      summary = "Retire a passive key: no longer published (force: before its tokens expired)")
  @APIResponse(
      responseCode = "200",
      description = "The key, now RETIRED",
      content = @Content(schema = @Schema(implementation = AdminSchemas.SigningKey.class)))
  public Response retire(
      @PathParam("realm") String realmName,
      @PathParam("kid") String kid,
      @QueryParam("force") String force) {
    boolean forced = flag("force", force);
    RealmSnapshot realm = realms.get(realmName);
    try {
      return Response.ok(
              Views.key(keys.retire(realm.id(), realm.name(), kid, forced, caller.actor())))
          .build();
    } catch (KeyNotRetirableYet problem) {
      return notRetirableYet(problem);
    }
  }

  /** 409 with the moment the key becomes retirable, as an RFC 9457 extension member too. */
  private Response notRetirableYet(KeyNotRetirableYet problem) {
    Response base = Problems.response(409, problem.getMessage());
    JsonObject body;
    try (JsonReader reader =
        Json.createReader(new StringReader(String.valueOf(base.getEntity())))) {
      body =
          Json.createObjectBuilder(reader.readObject())
              .add("retirableAt", problem.retirableAt().toString())
              .build();
    }
    long wait = Duration.between(clock.instant(), problem.retirableAt()).toSeconds() + 1;
    return Response.fromResponse(base)
        .entity(body.toString())
        .header(HttpHeaders.RETRY_AFTER, Math.max(1, wait))
        .build();
  }

  /** An optional boolean query parameter: absent (or empty) is false; only true/false are valid. */
  private static boolean flag(String name, String value) {
    if (value == null || value.isEmpty() || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw ApplicationProblem.invalid(name + " must be true or false");
  }
}
