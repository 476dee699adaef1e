package com.pltfrms.iam.api.oauth;

import com.pltfrms.iam.oauth.lifecycle.TokenRevocation;
import com.pltfrms.iam.oauth.token.TokenService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A realm's token revocation endpoint (RFC 7009 §2): POST a form with {@code token} and optionally
 * {@code token_type_hint}, authenticated as the client the token was issued to (a public client by
 * its {@code client_id}). 200 with an empty body whether or not there was anything to revoke
 * (§2.2).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009#section-2">RFC 7009 §2</a>
 */
@Path("realms/{realm}/oauth2/revoke")
@Tag(name = "OAuth 2.0")
@RequestScoped
public class RevocationResource {

  @Inject TokenService tokens;
  @Inject TokenRevocation revocation;

  @Context HttpServletRequest http;

  @POST
  @Operation(summary = "Revoke a refresh token (its whole grant) or an access token (RFC 7009)")
  @APIResponse(
      responseCode = "200",
      description = "Revoked, or nothing to revoke (RFC 7009 §2.2: the body is empty)",
      content =
          @Content(
              mediaType = MediaType.TEXT_PLAIN,
              schema = @Schema(type = SchemaType.STRING, maxLength = 0)))
  public Response revoke(
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
            tokens, http, realm, contentType, authorization, body, "revocation endpoint");
    revocation.revoke(call.realm(), call.issuer(), call.client(), call.token());
    return Response.ok()
        .type(MediaType.TEXT_PLAIN_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }
}
