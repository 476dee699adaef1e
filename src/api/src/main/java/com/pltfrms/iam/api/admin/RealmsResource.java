package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.api.support.BaseUrl;
import com.pltfrms.iam.realm.RealmChanges;
import com.pltfrms.iam.realm.RealmName;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** Realms: create, list (paged), get, update, delete. */
@Path("admin/realms")
@AdminApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RealmsResource {

  private static final Set<String> CREATE_FIELDS = Set.of("name", "displayName");
  private static final Set<String> UPDATE_FIELDS =
      Set.of("name", "displayName", "enabled", "accessTokenLifetimeSeconds");

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
    return Response.created(uri.getAbsolutePathBuilder().path(realm.name()).build())
        .entity(view(realm))
        .build();
  }

  @GET
  public Response list(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    return Response.ok(Views.page(realms.list(PageRequest.parse(offset, limit)), this::view))
        .build();
  }

  @GET
  @Path("{realm}")
  public Response get(@PathParam("realm") String name) {
    return Response.ok(view(realms.get(name))).build();
  }

  /** Partial update: fields left out stay as they are. PUT is accepted as a synonym. */
  @PATCH
  @Path("{realm}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(@PathParam("realm") String name, InputStream body) {
    JsonInput json = JsonInput.read(body, UPDATE_FIELDS);
    json.requireUnchanged("name", name);
    RealmChanges changes =
        new RealmChanges(
            json.string("displayName"),
            json.bool("enabled"),
            json.integer("accessTokenLifetimeSeconds"));
    return Response.ok(view(realms.update(name, changes, caller.actor()))).build();
  }

  @PUT
  @Path("{realm}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response replace(@PathParam("realm") String name, InputStream body) {
    return update(name, body);
  }

  @DELETE
  @Path("{realm}")
  public Response delete(@PathParam("realm") String name) {
    realms.delete(name, caller.actor());
    return Response.noContent().build();
  }

  private jakarta.json.JsonObject view(RealmSnapshot realm) {
    return Views.realm(realm, BaseUrl.issuer(uri, realm.name()));
  }
}
