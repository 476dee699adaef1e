package com.pltfrms.iam.api.oauth;

import com.pltfrms.iam.api.support.BaseUrl;
import com.pltfrms.iam.api.support.FormBody;
import com.pltfrms.iam.api.support.RequestOrigin;
import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.TokenResponse;
import com.pltfrms.iam.oauth.token.TokenRequest;
import com.pltfrms.iam.oauth.token.TokenService;
import com.pltfrms.iam.realm.RealmSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The token endpoint of a realm. Thin: read the form strictly, hand it to {@link TokenService},
 * render RFC 6749 §5.1 with {@code Cache-Control: no-store}. The body is read here rather than by
 * JAX-RS, so that a wrong media type, non-UTF-8, duplicated parameters or an oversized body each
 * get {@code invalid_request} instead of a container error page.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.2">RFC 6749 §3.2</a>
 */
@Path("realms/{realm}/oauth2/token")
@Tag(name = "OAuth 2.0")
@RequestScoped
public class TokenResource {

  /** One factory: {@code Json.createObjectBuilder()} looks the provider up on every call. */
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  @Inject TokenService tokens;

  @Context HttpServletRequest http;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Issue tokens (RFC 6749 §3.2: authorization code §4.1.3, refresh §6, client"
              + " credentials §4.4, legacy password §4.3)")
  @APIResponse(
      responseCode = "200",
      description = "The token (Cache-Control: no-store)",
      content = @Content(schema = @Schema(implementation = OAuthSchemas.TokenResponse.class)))
  public Response token(
      @PathParam("realm") String realm,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                      schema = @Schema(implementation = OAuthSchemas.TokenRequest.class)))
          InputStream body)
      throws IOException {
    RealmSnapshot active = tokens.activeRealm(realm);
    FormParameters form = FormBody.required(contentType, body, "token endpoint");
    TokenResponse response =
        tokens.issue(
            new TokenRequest(
                active,
                BaseUrl.issuer(http, realm),
                authorization,
                form,
                RequestOrigin.of(http).clientAddress()));
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("access_token", response.accessToken())
            .add("token_type", response.tokenType())
            .add("expires_in", response.expiresIn());
    // scope (OPTIONAL if identical to the scope requested, §5.1): never sent empty
    if (!response.scope().isEmpty()) {
      json.add("scope", response.scope().value());
    }
    if (response.idToken() != null) {
      json.add("id_token", response.idToken());
    }
    if (response.refreshToken() != null) {
      json.add("refresh_token", response.refreshToken());
    }
    return Response.ok(json.build())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Pragma", "no-cache")
        .build();
  }
}
