package com.pltfrms.iam.api.oauth;

import com.pltfrms.iam.oauth.lifecycle.TokenIntrospection;
import com.pltfrms.iam.oauth.token.TokenService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.jose4j.json.JsonUtil;

/**
 * A realm's token introspection endpoint (RFC 7662 §2): POST a form with {@code token} and
 * optionally {@code token_type_hint}, authenticated as a client. Thin: {@link TokenIntrospection}
 * decides; the answer is never cached ({@code Cache-Control: no-store}).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662#section-2">RFC 7662 §2</a>
 */
@Path("realms/{realm}/oauth2/introspect")
@Tag(name = "OAuth 2.0")
@RequestScoped
public class IntrospectionResource {

  @Inject TokenService tokens;
  @Inject TokenIntrospection introspection;

  @Context HttpServletRequest http;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Whether a token is active, and what it says (RFC 7662)")
  @APIResponse(
      responseCode = "200",
      description = "{\"active\":true, …} or {\"active\":false} (Cache-Control: no-store)",
      content = @Content(schema = @Schema(implementation = OAuthSchemas.Introspection.class)))
  public Response introspect(
      @PathParam("realm") String realm,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                      schema = @Schema(implementation = OAuthSchemas.TokenPresented.class)))
          InputStream body)
      throws IOException {
    TokenEndpointCall call =
        TokenEndpointCall.read(
            tokens, http, realm, contentType, authorization, body, "introspection endpoint");
    Map<String, Object> answer =
        introspection.introspect(call.realm(), call.issuer(), call.client(), call.token());
    return Response.ok(JsonUtil.toJson(answer))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Pragma", "no-cache")
        .build();
  }
}
