package com.pltfrms.iam.api.oidc;

import com.pltfrms.iam.api.support.BaseUrl;
import com.pltfrms.iam.oauth.scope.ClientScopeService;
import com.pltfrms.iam.oauth.scope.ClientScopeView;
import com.pltfrms.iam.oauth.token.TokenService;
import com.pltfrms.iam.realm.RealmSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where clients discover a realm's endpoints: {@code {issuer}/.well-known/openid-configuration}
 * (OpenID Connect Discovery 1.0 §4) and {@code
 * {base}/.well-known/oauth-authorization-server/realms/{realm}} (RFC 8414 §3: the well-known
 * segment goes before the issuer's path).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8414#section-3">RFC 8414 §3</a>
 */
@Path("")
@Tag(name = "OpenID Connect")
@RequestScoped
public class DiscoveryResource {

  @Inject TokenService tokens;
  @Inject ClientScopeService scopes;

  @Context HttpServletRequest http;

  @GET
  @Path("realms/{realm}/.well-known/openid-configuration")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "OpenID Provider metadata (OpenID Connect Discovery 1.0 §4)")
  @APIResponse(
      responseCode = "200",
      description = "The realm's metadata",
      content = @Content(schema = @Schema(implementation = OidcSchemas.ServerMetadata.class)))
  public Response openidConfiguration(@PathParam("realm") String realm) {
    RealmSnapshot active = tokens.activeRealm(realm);
    return cached(
        ServerMetadata.openid(
            BaseUrl.issuer(http, realm),
            tokens.grantTypes(),
            tokens.authMethods(),
            scopes(active)));
  }

  @GET
  @Path(".well-known/oauth-authorization-server/realms/{realm}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Authorization server metadata (RFC 8414 §3)")
  @APIResponse(
      responseCode = "200",
      description = "The realm's metadata",
      content = @Content(schema = @Schema(implementation = OidcSchemas.ServerMetadata.class)))
  public Response authorizationServer(@PathParam("realm") String realm) {
    RealmSnapshot active = tokens.activeRealm(realm);
    return cached(
        ServerMetadata.oauth(
            BaseUrl.issuer(http, realm),
            tokens.grantTypes(),
            tokens.authMethods(),
            scopes(active)));
  }

  /** The realm's client scopes, built in and defined (RFC 8414 §2 scopes_supported). */
  private List<String> scopes(RealmSnapshot realm) {
    return scopes.list(realm).stream().map(ClientScopeView::name).toList();
  }

  private static Response cached(JsonObject metadata) {
    return Response.ok(metadata).header("Cache-Control", "public, max-age=300").build();
  }
}
