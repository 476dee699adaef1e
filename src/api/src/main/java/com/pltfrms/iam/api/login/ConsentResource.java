package com.pltfrms.iam.api.login;

import com.pltfrms.iam.api.support.FormBody;
import com.pltfrms.iam.identity.UserService;
import com.pltfrms.iam.identity.UserSnapshot;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.consent.ConsentService;
import com.pltfrms.iam.oauth.protocol.AuthorizationRequest;
import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.token.TokenService;
import com.pltfrms.iam.oidc.AuthorizationService;
import com.pltfrms.iam.oidc.LoginAttempt;
import com.pltfrms.iam.oidc.LoginAttempts;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.session.SessionSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.CookieParam;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The consent page's target (OIDC Core §3.1.2.4). It needs the attempt cookie and the page's CSRF
 * token of an attempt waiting for this user's consent, and the user's live session. Allow stores
 * the grant (a later request for the same or fewer scopes skips the page) and answers with a code;
 * deny answers {@code access_denied} (RFC 6749 §4.1.2.1). Either way the attempt ends, once.
 */
@Path("realms/{realm}/consent")
@Tag(name = "Hosted pages")
@RequestScoped
public class ConsentResource {

  @Inject TokenService tokens;
  @Inject AuthorizationService authorizations;
  @Inject LoginAttempts attempts;
  @Inject ConsentService consents;
  @Inject UserService users;
  @Inject SignIn signIn;

  @Context HttpHeaders headers;
  @Context HttpServletRequest http;

  @POST
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Allow or deny the application's request (the consent page's form)")
  @APIResponse(
      responseCode = "200",
      description = "With response_mode=form_post: the page that posts the response to the client",
      content =
          @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "302",
      description = "The authorization response (a code, or access_denied), sent to the client",
      headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "400",
      description = "The attempt is unknown, finished or expired, or the session is gone",
      content =
          @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
  public Response decide(
      @PathParam("realm") String realmName,
      @CookieParam(LoginCookies.ATTEMPT) String attemptId,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                      schema = @Schema(implementation = LoginSchemas.ConsentForm.class)))
          InputStream body)
      throws IOException {
    RealmSnapshot realm = tokens.activeRealm(realmName);
    FormParameters form = FormBody.required(contentType, body, "consent form");
    LoginAttempt attempt =
        signIn.attempt(realm, attemptId, form, LoginAttempt.CONSENT).orElse(null);
    SessionSnapshot session = signIn.liveSession(realm, headers.getCookies()).orElse(null);
    UserSnapshot user =
        attempt == null ? null : users.findEnabled(realm.id(), attempt.userId()).orElse(null);
    if (attempt == null
        || session == null
        || user == null
        || !session.userId().equals(attempt.userId())) {
      return SignIn.expired(Messages.of(List.of(), headers.getAcceptableLanguages()));
    }
    SignIn.Resumed resumed = signIn.resume(realm, attempt, http, headers.getAcceptableLanguages());
    String issuer = resumed.issuer();
    AuthorizationRequest request = resumed.request();
    Messages messages = resumed.messages();
    if (!attempts.finish(realm.id(), attempt.id())) {
      return SignIn.expired(messages);
    }
    Response answer;
    if ("accept".equals(form.get("decision").orElse(null))) {
      ClientSnapshot client = authorizations.webClient(realm, request.clientId()).orElseThrow();
      consents.grant(realm, user.id(), user.fields().username(), client, request.scope());
      answer =
          AuthorizationReplies.send(
              authorizations.issueCode(
                  realm,
                  issuer,
                  request,
                  SignIn.claimsParameter(attempt.parameters()),
                  session,
                  List.of("pwd")),
              messages);
    } else {
      answer =
          AuthorizationReplies.send(
              request
                  .refuse(OAuthError.ACCESS_DENIED, "the user denied the request", issuer)
                  .response(),
              messages);
    }
    return Response.fromResponse(answer)
        .cookie(LoginCookies.clearAttempt(realm.name(), SignIn.secure(http)))
        .build();
  }
}
