package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.access.RoleService;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.shared.IfMatch;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/**
 * A realm's roles: create ({@code {"name","description","composites":[...],"permissions":[...]}}; a
 * composite is a realm role's name or a client role as {@code {clientId}:{role}}), list, get,
 * change (PATCH: description, composites, permissions; a cycle is 409), delete (not a built-in
 * role). Each role carries an {@code ETag}; a stale {@code If-Match} is 412.
 */
@Path("admin/realms/{realm}/roles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RolesResource {

  @Inject RealmService realms;
  @Inject RoleService roles;
  @Inject AdminCaller caller;

  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@PathParam("realm") String realm, InputStream body) {
    return RoleRequests.create(roles, realms.get(realm), null, body, uri, caller.principal());
  }

  @GET
  public Response list(
      @PathParam("realm") String realm,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    return RoleRequests.list(roles, realms.get(realm), null, offset, limit);
  }

  @GET
  @Path("{name}")
  public Response get(@PathParam("realm") String realm, @PathParam("name") String name) {
    return RoleRequests.tagged(roles.get(realms.get(realm), null, name));
  }

  @PATCH
  @Path("{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @PathParam("realm") String realm,
      @PathParam("name") String name,
      @HeaderParam("If-Match") String ifMatch,
      InputStream body) {
    return RoleRequests.update(
        roles, realms.get(realm), null, name, ifMatch, body, caller.principal());
  }

  @DELETE
  @Path("{name}")
  public Response delete(
      @PathParam("realm") String realm,
      @PathParam("name") String name,
      @HeaderParam("If-Match") String ifMatch) {
    roles.delete(realms.get(realm), null, name, IfMatch.parse(ifMatch), caller.principal());
    return Response.noContent().build();
  }
}
