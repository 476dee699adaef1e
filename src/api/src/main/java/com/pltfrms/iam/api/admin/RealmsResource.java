package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.api.support.BaseUrl;
import com.pltfrms.iam.realm.Realm;
import com.pltfrms.iam.realm.RealmChanges;
import com.pltfrms.iam.realm.RealmName;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import java.util.Optional;
import java.util.Set;

/**
 * Realms: create, list (paged), get, change (PATCH partially, PUT wholly), delete. Each realm
 * carries an {@code ETag} (its version); writes with a stale {@code If-Match} answer 412.
 */
@Path("admin/realms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RealmsResource {

  private static final String IF_MATCH = "If-Match";
  private static final Set<String> CREATE_FIELDS = Set.of("name", "displayName");
  private static final Set<String> UPDATE_FIELDS =
      Set.of(
          "name", "displayName", "enabled", "accessTokenLifetimeSeconds", "duplicateEmailsAllowed");

  /** What a PUT may carry: the writable fields and, unchanged, those the server sets. */
  private static final Set<String> REPLACE_FIELDS =
      Set.of(
          "id",
          "name",
          "displayName",
          "enabled",
          "accessTokenLifetimeSeconds",
          "duplicateEmailsAllowed",
          "issuer",
          "createdAt");

  @Inject RealmService realms;
  @Inject AdminCaller caller;

  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(InputStream body) {
    JsonInput json = JsonInput.read(body, CREATE_FIELDS);
    RealmName name = RealmName.forCreation(json.requiredString("name"));
    RealmSnapshot realm =
        realms.create(name, json.string("displayName").orElse(null), caller.actor());
    return tagged(Response.created(uri.getAbsolutePathBuilder().path(realm.name()).build()), realm);
  }

  @GET
  public Response list(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    return Response.ok(Views.page(realms.list(PageRequest.parse(offset, limit)), this::view))
        .build();
  }

  @GET
  @Path("{realm}")
  public Response get(@PathParam("realm") String name) {
    return tagged(Response.ok(), realms.get(name));
  }

  /** Partial update: fields left out stay as they are. */
  @PATCH
  @Path("{realm}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @PathParam("realm") String name, @HeaderParam(IF_MATCH) String ifMatch, InputStream body) {
    JsonInput json = JsonInput.read(body, UPDATE_FIELDS);
    json.requireUnchanged("name", name);
    RealmChanges changes =
        new RealmChanges(
            json.string("displayName"),
            json.bool("enabled"),
            json.integer("accessTokenLifetimeSeconds"),
            json.bool("duplicateEmailsAllowed"));
    return tagged(
        Response.ok(), realms.update(name, changes, IfMatch.parse(ifMatch), caller.actor()));
  }

  /**
   * Replaces the realm's settings with the representation sent (RFC 9110 §9.3.4): a writable field
   * left out takes its default. Fields the server sets may be sent back unchanged.
   */
  @PUT
  @Path("{realm}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response replace(
      @PathParam("realm") String name, @HeaderParam(IF_MATCH) String ifMatch, InputStream body) {
    JsonInput json = JsonInput.read(body, REPLACE_FIELDS);
    json.requireUnchanged("name", name);
    RealmSnapshot current = realms.get(name);
    json.requireUnchanged("id", current.id());
    RealmChanges changes =
        new RealmChanges(
            Optional.of(json.string("displayName").orElse(name)),
            Optional.of(json.bool("enabled").orElse(true)),
            Optional.of(
                json.integer("accessTokenLifetimeSeconds")
                    .orElse(Realm.DEFAULT_ACCESS_TOKEN_LIFETIME)),
            Optional.of(json.bool("duplicateEmailsAllowed").orElse(false)));
    return tagged(
        Response.ok(), realms.update(name, changes, IfMatch.parse(ifMatch), caller.actor()));
  }

  @DELETE
  @Path("{realm}")
  public Response delete(@PathParam("realm") String name, @HeaderParam(IF_MATCH) String ifMatch) {
    realms.delete(name, IfMatch.parse(ifMatch), caller.actor());
    return Response.noContent().build();
  }

  private Response tagged(Response.ResponseBuilder response, RealmSnapshot realm) {
    return response
        .entity(view(realm))
        .header(HttpHeaders.ETAG, IfMatch.tag(realm.version()))
        .build();
  }

  private JsonObject view(RealmSnapshot realm) {
    return Views.realm(realm, BaseUrl.issuer(uri, realm.name()));
  }
}
