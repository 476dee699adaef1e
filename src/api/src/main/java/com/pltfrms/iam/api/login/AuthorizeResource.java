package com.pltfrms.iam.api.login;

import com.pltfrms.iam.api.support.BaseUrl;
import com.pltfrms.iam.api.support.FormBody;
import com.pltfrms.iam.oauth.protocol.AuthorizationRequest;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.Prompt;
import com.pltfrms.iam.oauth.token.TokenService;
import com.pltfrms.iam.oidc.AuthorizationService;
import com.pltfrms.iam.oidc.LoginAttempt;
import com.pltfrms.iam.oidc.LoginAttempts;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.session.SessionSnapshot;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A realm's authorization endpoint (RFC 6749 §3.1, OIDC Core §3.1.2.1), GET and POST with the same
 * parameters. A request that {@link AuthorizationService} accepts starts a sign-in: the login page,
 * with an attempt cookie scoped to the realm. Refusals are pages or redirects as RFC 6749 §4.1.2.1
 * says ({@link AuthorizationProblemMapper}); {@code prompt=none} without a session is {@code
 * login_required}.
 */
@Path("realms/{realm}/oauth2/authorize")
@Tag(name = "OpenID Connect")
@RequestScoped
public class AuthorizeResource {

  @Inject TokenService tokens;
  @Inject AuthorizationService authorizations;
  @Inject LoginAttempts attempts;
  @Inject SignIn signIn;

  @Context UriInfo uri;
  @Context HttpHeaders headers;
  @Context HttpServletRequest http;

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Start the authorization code flow (RFC 6749 §4.1.1, OIDC Core §3.1.2.1)")
  @APIResponse(
      responseCode = "200",
      description = "The sign-in page",
      content =
          @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "302",
      description = "The response, sent to the redirect URI",
      headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "400",
      description = "A page: unknown client or redirect URI",
      content =
          @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
  public Response get(@PathParam("realm") String realm) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    uri.getQueryParameters().forEach((name, values) -> parameters.put(name, List.copyOf(values)));
    return authorize(realm, parameters);
  }

  @POST
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Start the authorization code flow, parameters in the form body")
  @APIResponse(
      responseCode = "200",
      description = "The sign-in page",
      content =
          @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "302",
      description = "The response, sent to the redirect URI",
      headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "400",
      description = "A page: unknown client or redirect URI",
      content =
          @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
  public Response post(
      @PathParam("realm") String realm,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                      schema = @Schema(implementation = LoginSchemas.AuthorizationForm.class)))
          InputStream body)
      throws IOException {
    return authorize(realm, FormBody.requiredAll(contentType, body, "authorization endpoint"));
  }

  private Response authorize(String realmName, Map<String, List<String>> parameters) {
    RealmSnapshot realm = tokens.activeRealm(realmName);
    String issuer = BaseUrl.issuer(http, realm.name());
    AuthorizationRequest request = authorizations.validate(realm, issuer, parameters);
    Messages messages = Messages.of(request.uiLocales(), headers.getAcceptableLanguages());
    Optional<SessionSnapshot> session = signIn.liveSession(realm, headers.getCookies());
    if (session.isPresent() && signIn.satisfies(session.get(), request)) {
      if (signIn.consentNeeded(realm, session.get().userId(), request)) {
        if (request.prompts(Prompt.NONE)) {
          throw request.refuse(
              OAuthError.CONSENT_REQUIRED, "the user has not allowed these scopes", issuer);
        }
        LoginAttempt attempt = attempts.start(realm.id(), parameters);
        attempts.await(realm.id(), attempt.id(), session.get().userId(), LoginAttempt.CONSENT);
        return Response.fromResponse(signIn.consentPage(messages, realm, request, attempt.csrf()))
            .cookie(
                LoginCookies.attempt(
                    realm.name(), attempt.id(), LoginAttempts.LIFETIME, SignIn.secure(http)))
            .build();
      }
      return AuthorizationReplies.send(
          authorizations.issueCode(
              realm,
              issuer,
              request,
              SignIn.claimsParameter(parameters),
              session.get(),
              List.of("pwd")),
          messages);
    }
    if (request.prompts(Prompt.NONE)) {
      throw request.refuse(
          OAuthError.LOGIN_REQUIRED,
          session.isPresent()
              ? "the user must sign in again (max_age)"
              : "the user is not signed in",
          issuer);
    }
    LoginAttempt attempt = attempts.start(realm.id(), parameters);
    Response page =
        signIn.loginPage(
            200,
            messages,
            realm,
            request,
            attempt.csrf(),
            request.loginHint() == null ? "" : request.loginHint(),
            null);
    return Response.fromResponse(page)
        .cookie(
            LoginCookies.attempt(
                realm.name(), attempt.id(), LoginAttempts.LIFETIME, SignIn.secure(http)))
        .build();
  }
}
