package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.keys.KeyService;
import com.pltfrms.iam.keys.KeyView;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * A realm's signing keys and their staged rotation: add (published, not signing), activate (the
 * previous active key stays published as PASSIVE), retire (removed from the JWKS).
 */
@Path("admin/realms/{realm}/keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

  @Inject RealmService realms;
  @Inject KeyService keys;
  @Inject AdminCaller caller;

  @Context UriInfo uri;

  @GET
  public Response list(@PathParam("realm") String realmName) {
    RealmSnapshot realm = realms.get(realmName);
    JsonArrayBuilder items = Json.createArrayBuilder();
    keys.list(realm.id()).forEach(k -> items.add(Views.key(k)));
    return Response.ok(Json.createObjectBuilder().add("items", items).build()).build();
  }

  @POST
  public Response add(@PathParam("realm") String realmName) {
    RealmSnapshot realm = realms.get(realmName);
    KeyView key = keys.add(realm.id(), realm.name(), caller.actor());
    return Response.created(uri.getAbsolutePathBuilder().path(key.kid()).build())
        .entity(Views.key(key))
        .build();
  }

  @POST
  @Path("{kid}/activate")
  public Response activate(@PathParam("realm") String realmName, @PathParam("kid") String kid) {
    RealmSnapshot realm = realms.get(realmName);
    return Response.ok(Views.key(keys.activate(realm.id(), realm.name(), kid, caller.actor())))
        .build();
  }

  @POST
  @Path("{kid}/retire")
  public Response retire(@PathParam("realm") String realmName, @PathParam("kid") String kid) {
    RealmSnapshot realm = realms.get(realmName);
    return Response.ok(Views.key(keys.retire(realm.id(), realm.name(), kid, caller.actor())))
        .build();
  }
}
