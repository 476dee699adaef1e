package com.pltfrms.iam.sample.rp;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The browser side: who signed in. Liberty's OpenID Connect client has already walked the code flow
 * with the realm and verified the ID token by the time this runs; the caller's name is the ID
 * token's {@code sub}, the user's stable id.
 */
@Path("rp/me")
public class SignedInUserResource {

  @Context SecurityContext security;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject me() {
    return Json.createObjectBuilder()
        .add("user", security.getUserPrincipal().getName())
        .add("authenticationScheme", String.valueOf(security.getAuthenticationScheme()))
        .build();
  }
}
