package com.pltfrms.iam.api.oidc;

import com.pltfrms.iam.keys.KeyRetirement;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A realm's JSON Web Key Set (RFC 7517 §5): every published key, the next one included, so that
 * verifiers know a key before it signs. Served from memory, pre-rendered, from public halves only:
 * serving it never decrypts a private key, so it answers even when the master key is wrong.
 * Verifiers may cache it for {@link KeyRetirement#JWKS_CACHE_LIFETIME}, which key retirement waits
 * for.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7517#section-5">RFC 7517 §5</a>
 */
@Path("realms/{realm}/oauth2/jwks")
@Tag(name = "OpenID Connect")
@RequestScoped
public class JwksResource {

  private static final String CACHE_CONTROL =
      "public, max-age=" + KeyRetirement.JWKS_CACHE_LIFETIME.toSeconds();

  @Inject TokenService tokens;
  @Inject KeyRing keys;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The realm's public signing keys (RFC 7517 §5)")
  @APIResponse(
      responseCode = "200",
      description = "The JWKS",
      content = @Content(schema = @Schema(implementation = OidcSchemas.JsonWebKeySet.class)))
  public Response jwks(@PathParam("realm") String realm) {
    String json = keys.published(tokens.activeRealm(realm).id()).jwksJson();
    return Response.ok(json).header("Cache-Control", CACHE_CONTROL).build();
  }
}
