package com.pltfrms.iam.api.login;

import com.pltfrms.iam.api.support.FormBody;
import com.pltfrms.iam.api.support.RequestOrigin;
import com.pltfrms.iam.identity.PasswordLogin;
import com.pltfrms.iam.identity.UserService;
import com.pltfrms.iam.identity.UserSnapshot;
import com.pltfrms.iam.oauth.protocol.AuthorizationRequest;
import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.token.TokenService;
import com.pltfrms.iam.oidc.AuthorizationService;
import com.pltfrms.iam.oidc.LoginAttempt;
import com.pltfrms.iam.oidc.LoginAttempts;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.session.NewSession;
import com.pltfrms.iam.session.SessionService;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.ApplicationProblem;
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
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
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
 * The login form's target. The attempt cookie and the form's CSRF token together name a live login
 * attempt ({@link LoginAttempts}); without both, or once it is finished or expired, the page says
 * to start again. The password is checked by {@link PasswordLogin}, as the password grant checks
 * it: one message for an unknown user, a disabled one and a wrong password, one Argon2id
 * verification in each case. Success ends the attempt (once: a replayed form finds nothing), starts
 * a new SSO session (a new id and cookie at every sign-in, so none can be fixed in advance) and
 * answers the waiting authorization request with a code.
 */
@Path("realms/{realm}/login")
@Tag(name = "Hosted pages")
@RequestScoped
public class LoginResource {

  @Inject TokenService tokens;
  @Inject AuthorizationService authorizations;
  @Inject LoginAttempts attempts;
  @Inject PasswordLogin passwords;
  @Inject SessionService sessions;
  @Inject SignIn signIn;
  @Inject Clock clock;
  @Inject UserService users;

  @Context HttpHeaders headers;
  @Context HttpServletRequest http;

  @POST
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Sign in with username and password (the login page's form)")
  @APIResponse(
      responseCode = "200",
      description = "The login page again, saying why",
      content =
          @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "302",
      description = "Signed in: the authorization response, sent to the client",
      headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "400",
      description = "The attempt is unknown, finished or expired",
      content =
          @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
  public Response login(
      @PathParam("realm") String realmName,
      @CookieParam(LoginCookies.ATTEMPT) String attemptId,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                      schema = @Schema(implementation = LoginSchemas.LoginForm.class)))
          InputStream body)
      throws IOException {
    RealmSnapshot realm = tokens.activeRealm(realmName);
    FormParameters form = FormBody.required(contentType, body, "login form");
    LoginAttempt attempt = signIn.attempt(realm, attemptId, form, null).orElse(null);
    if (attempt == null) {
      return SignIn.expired(Messages.of(List.of(), headers.getAcceptableLanguages()));
    }
    SignIn.Resumed resumed = signIn.resume(realm, attempt, http, headers.getAcceptableLanguages());
    String issuer = resumed.issuer();
    AuthorizationRequest request = resumed.request();
    Messages messages = resumed.messages();
    String username = form.get("username").orElse("");
    PasswordLogin.Result result =
        passwords.login(
            realm,
            username,
            form.get("password").orElse(""),
            new PasswordLogin.Attempt(
                request.clientId(), "login-page", RequestOrigin.of(http).clientAddress()));
    if (result.status() == PasswordLogin.Status.PASSWORD_CHANGE_REQUIRED
        && attempts.await(realm.id(), attempt.id(), result.userId(), LoginAttempt.PASSWORD)) {
      return PasswordChangePage.render(200, messages, realm, attempt.csrf(), List.of());
    }
    if (result.status() != PasswordLogin.Status.SUCCESS) {
      return signIn.loginPage(
          200,
          messages,
          realm,
          request,
          attempt.csrf(),
          username.length() > PasswordLogin.MAX_INPUT ? "" : username,
          messages.get("login.invalid"));
    }
    return signedIn(realm, issuer, request, attempt, result.userId(), messages);
  }

  @POST
  @Path("password")
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Replace a temporary password, then continue signing in")
  @APIResponse(
      responseCode = "200",
      description = "The page again, listing the policy's broken rules",
      content =
          @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "302",
      description = "Signed in: the authorization response, sent to the client",
      headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "400",
      description = "The attempt is unknown, finished or expired, or no password was checked",
      content =
          @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
  public Response newPassword(
      @PathParam("realm") String realmName,
      @CookieParam(LoginCookies.ATTEMPT) String attemptId,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                      schema = @Schema(implementation = LoginSchemas.NewPasswordForm.class)))
          InputStream body)
      throws IOException {
    RealmSnapshot realm = tokens.activeRealm(realmName);
    FormParameters form = FormBody.required(contentType, body, "password form");
    LoginAttempt attempt =
        signIn.attempt(realm, attemptId, form, LoginAttempt.PASSWORD).orElse(null);
    if (attempt == null) {
      return SignIn.expired(Messages.of(List.of(), headers.getAcceptableLanguages()));
    }
    SignIn.Resumed resumed = signIn.resume(realm, attempt, http, headers.getAcceptableLanguages());
    String issuer = resumed.issuer();
    AuthorizationRequest request = resumed.request();
    Messages messages = resumed.messages();
    String password = form.get("password").orElse("");
    if (!password.equals(form.get("confirm").orElse(""))) {
      return PasswordChangePage.render(
          200, messages, realm, attempt.csrf(), List.of(messages.get("password.mismatch")));
    }
    UserSnapshot user = users.findEnabled(realm.id(), attempt.userId()).orElse(null);
    if (user == null) {
      return SignIn.expired(messages);
    }
    try {
      users.setPassword(
          realm,
          user.id(),
          new UserService.NewPassword(password, false),
          Actor.user(user.id(), user.fields().username()));
    } catch (ApplicationProblem problem) {
      List<String> errors =
          problem.errors().isEmpty()
              ? List.of(problem.getMessage())
              : problem.errors().stream().map(ApplicationProblem.Error::detail).toList();
      return PasswordChangePage.render(200, messages, realm, attempt.csrf(), errors);
    }
    return signedIn(realm, issuer, request, attempt, user.id(), messages);
  }

  /**
   * Ends the attempt (once: a replayed form finds nothing), starts a new session for the user and
   * answers the waiting authorization request with a code.
   */
  private Response signedIn(
      RealmSnapshot realm,
      String issuer,
      AuthorizationRequest request,
      LoginAttempt attempt,
      String userId,
      Messages messages) {
    boolean secure = SignIn.secure(http);
    boolean consent = signIn.consentNeeded(realm, userId, request);
    if (consent
        ? !attempts.await(realm.id(), attempt.id(), userId, LoginAttempt.CONSENT)
        : !attempts.finish(realm.id(), attempt.id())) {
      return SignIn.expired(messages);
    }
    NewSession session = sessions.create(realm, userId, clock.instant());
    NewCookie sessionCookie =
        LoginCookies.session(
            realm.name(),
            session.cookie(),
            Duration.between(clock.instant(), session.session().expiresAt()),
            secure);
    if (consent) {
      return Response.fromResponse(signIn.consentPage(messages, realm, request, attempt.csrf()))
          .cookie(sessionCookie)
          .build();
    }
    Response answer =
        AuthorizationReplies.send(
            authorizations.issueCode(
                realm,
                issuer,
                request,
                SignIn.claimsParameter(attempt.parameters()),
                session.session(),
                List.of("pwd")),
            messages);
    return Response.fromResponse(answer)
        .cookie(sessionCookie, LoginCookies.clearAttempt(realm.name(), secure))
        .build();
  }
}
