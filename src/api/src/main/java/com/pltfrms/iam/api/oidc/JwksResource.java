package com.pltfrms.iam.api.oidc;

import com.pltfrms.iam.keys.KeyRing;
import com.pltfrms.iam.oauth.token.TokenService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A realm's JSON Web Key Set (RFC 7517 §5): every published key, the next one included, so that
 * verifiers know a key before it signs. Served from memory, pre-rendered.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7517#section-5">RFC 7517 §5</a>
 */
@Path("realms/{realm}/oauth2/jwks")
@RequestScoped
public class JwksResource {

  @Inject TokenService tokens;
  @Inject KeyRing keys;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response jwks(@PathParam("realm") String realm) {
    String json = keys.forRealm(tokens.activeRealm(realm).id()).jwksJson();
    return Response.ok(json).header("Cache-Control", "public, max-age=60").build();
  }
}
