package com.pltfrms.iam.sample.rp;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The API side: the caller of a request with a realm's access token. Liberty's MicroProfile JWT
 * support has checked the token's signature against the realm's JWKS, its issuer, audience and
 * lifetime; the principal is the token itself.
 */
@Path("rp-api/whoami")
public class TokenCallerResource {

  @Context SecurityContext security;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject whoami() {
    JsonWebToken token = (JsonWebToken) security.getUserPrincipal();
    String clientId = token.getClaim("client_id");
    return Json.createObjectBuilder()
        .add("sub", token.getSubject())
        .add("iss", token.getIssuer())
        .add("client_id", clientId == null ? "" : clientId)
        .build();
  }
}
