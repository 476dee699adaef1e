package com.pltfrms.iam.api.oidc;

import com.pltfrms.iam.api.support.BaseUrl;
import com.pltfrms.iam.api.support.FormBody;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.token.TokenService;
import com.pltfrms.iam.oidc.UserInfo;
import com.pltfrms.iam.realm.RealmSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
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
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jose4j.json.JsonUtil;

/**
 * A realm's UserInfo endpoint (OIDC Core §5.3), GET and POST. The access token comes in the {@code
 * Authorization: Bearer} header (RFC 6750 §2.1) or, with POST, as the {@code access_token} form
 * parameter (§2.2); more than one way at once is {@code invalid_request} (§2). No token at all is a
 * 401 whose challenge carries no error code (§3.1); a bad one is {@code invalid_token}, one without
 * the {@code openid} scope {@code insufficient_scope}.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#UserInfo">OIDC Core §5.3</a>
 */
@Path("realms/{realm}/oauth2/userinfo")
@Tag(name = "OpenID Connect")
@RequestScoped
public class UserInfoResource {

  private static final String BEARER = "bearer ";

  @Inject TokenService tokens;
  @Inject UserInfo userInfo;

  @Context HttpServletRequest http;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The signed-in user's claims (OIDC Core §5.3)")
  @APIResponse(
      responseCode = "200",
      description = "The claims the token's scopes grant, sub always",
      content = @Content(schema = @Schema(implementation = OidcSchemas.UserInfoClaims.class)))
  public Response get(
      @PathParam("realm") String realm,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    RealmSnapshot active = tokens.activeRealm(realm);
    return answer(active, bearer(authorization));
  }

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The signed-in user's claims, token in the header or the form body")
  @APIResponse(
      responseCode = "200",
      description = "The claims the token's scopes grant, sub always",
      content = @Content(schema = @Schema(implementation = OidcSchemas.UserInfoClaims.class)))
  public Response post(
      @PathParam("realm") String realm,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                      schema = @Schema(implementation = OidcSchemas.UserInfoRequest.class)))
          InputStream body)
      throws IOException {
    RealmSnapshot active = tokens.activeRealm(realm);
    String fromHeader = bearer(authorization);
    String fromBody =
        FormBody.optional(contentType, body, "UserInfo endpoint").get("access_token").orElse(null);
    if (fromHeader != null && fromBody != null) {
      throw new OAuthProblem(
          OAuthError.INVALID_REQUEST, "send the access token one way only (RFC 6750 §2)");
    }
    return answer(active, fromHeader != null ? fromHeader : fromBody);
  }

  private Response answer(RealmSnapshot realm, String accessToken) {
    if (accessToken == null) {
      // RFC 6750 §3.1: a request without credentials gets a challenge without an error code; the
      // body still speaks this endpoint's vocabulary.
      String body =
          JsonUtil.toJson(
              Map.of(
                  "error",
                  OAuthError.INVALID_TOKEN.code(),
                  "error_description",
                  "no access token was sent"));
      return Response.status(Response.Status.UNAUTHORIZED)
          .entity(body)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm.name() + "\"")
          .header(HttpHeaders.CACHE_CONTROL, "no-store")
          .build();
    }
    Map<String, Object> claims =
        userInfo.claims(realm, BaseUrl.issuer(http, realm.name()), accessToken);
    return Response.ok(JsonUtil.toJson(claims))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Pragma", "no-cache")
        .build();
  }

  /**
   * The token of a {@code Bearer} header; null when there is none (or another scheme, which is no
   * bearer token either); 400 when a Bearer header is malformed.
   */
  private static String bearer(String authorization) {
    String lower = authorization == null ? "" : authorization.toLowerCase(Locale.ROOT);
    if (!lower.startsWith(BEARER) && !lower.equals(BEARER.strip())) {
      return null;
    }
    if (authorization.length() <= BEARER.length()
        || authorization.indexOf(' ', BEARER.length()) >= 0) {
      throw new OAuthProblem(
          OAuthError.INVALID_REQUEST, "the Authorization header must be Bearer and a token");
    }
    return authorization.substring(BEARER.length());
  }
}
