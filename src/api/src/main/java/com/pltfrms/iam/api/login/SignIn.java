package com.pltfrms.iam.api.login;

import com.pltfrms.iam.api.support.BaseUrl;
import com.pltfrms.iam.identity.UserService;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.consent.ConsentService;
import com.pltfrms.iam.oauth.protocol.AuthorizationRequest;
import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.Prompt;
import com.pltfrms.iam.oauth.scope.ClientScopeService;
import com.pltfrms.iam.oidc.AuthorizationService;
import com.pltfrms.iam.oidc.LoginAttempt;
import com.pltfrms.iam.oidc.LoginAttempts;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.session.SessionService;
import com.pltfrms.iam.session.SessionSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the authorization endpoint and the login form share: the browser's live SSO session, when it
 * may answer a request without a new sign-in, and the login page for a request.
 */
@ApplicationScoped
class SignIn {

  @Inject SessionService sessions;
  @Inject UserService users;
  @Inject AuthorizationService authorizations;
  @Inject Clock clock;
  @Inject LoginAttempts attempts;
  @Inject ConsentService consents;
  @Inject ClientScopeService scopes;

  /** A login attempt continued by a hosted form: its issuer, its request and its page language. */
  record Resumed(String issuer, AuthorizationRequest request, Messages messages) {}

  /**
   * The live attempt that the attempt cookie and the form's CSRF token name together, when it waits
   * on {@code stage} ({@link LoginAttempt#PASSWORD}, {@link LoginAttempt#CONSENT}; null: whatever
   * it waits on); empty otherwise.
   */
  Optional<LoginAttempt> attempt(
      RealmSnapshot realm, String attemptId, FormParameters form, String stage) {
    return attempts
        .find(realm.id(), attemptId, form.get("csrf").orElse(null))
        .filter(a -> stage == null || a.awaits(stage));
  }

  /**
   * The attempt's authorization request validated again (the client may have changed since it was
   * made), with the issuer and the messages in the request's or the browser's language.
   */
  Resumed resume(
      RealmSnapshot realm, LoginAttempt attempt, HttpServletRequest http, List<Locale> browser) {
    String issuer = BaseUrl.issuer(http, realm.name());
    AuthorizationRequest request = authorizations.validate(realm, issuer, attempt.parameters());
    return new Resumed(issuer, request, Messages.of(request.uiLocales(), browser));
  }

  /** The page for a form whose attempt is unknown, finished or expired: start again. */
  static Response expired(Messages messages) {
    return AuthorizationReplies.errorPage(400, messages, messages.get("login.expired"));
  }

  /** The realm's live session the cookies name, of a user who may still sign in. */
  Optional<SessionSnapshot> liveSession(RealmSnapshot realm, Map<String, Cookie> cookies) {
    Cookie cookie = cookies.get(LoginCookies.SESSION);
    if (cookie == null) {
      return Optional.empty();
    }
    return sessions
        .use(realm, cookie.getValue())
        .filter(s -> users.findEnabled(realm.id(), s.userId()).isPresent());
  }

  /**
   * Whether the session answers the request without a new sign-in: no {@code prompt=login}, and the
   * last authentication within {@code max_age} (OIDC Core §3.1.2.1).
   */
  boolean satisfies(SessionSnapshot session, AuthorizationRequest request) {
    if (request.prompts(Prompt.LOGIN)) {
      return false;
    }
    return request.maxAge() == null
        || !session.authTime().plusSeconds(request.maxAge()).isBefore(clock.instant());
  }

  Response loginPage(
      int status,
      Messages messages,
      RealmSnapshot realm,
      AuthorizationRequest request,
      String csrf,
      String username,
      String error) {
    ClientSnapshot client = authorizations.webClient(realm, request.clientId()).orElseThrow();
    return LoginPage.render(
        status,
        messages,
        new LoginPage.View(
            realm.name(),
            realm.displayName(),
            client.displayName() == null ? client.clientId() : client.displayName(),
            csrf,
            username,
            error,
            LoginBrandings.of(realm)));
  }

  /** Whether the user must be asked before the request's client gets its scopes. */
  boolean consentNeeded(RealmSnapshot realm, String userId, AuthorizationRequest request) {
    ClientSnapshot client = authorizations.webClient(realm, request.clientId()).orElseThrow();
    return consents.needed(realm, userId, client, request.scope(), request.prompts(Prompt.CONSENT));
  }

  /** The consent page for the request's client and scopes, the scopes in words. */
  Response consentPage(
      Messages messages, RealmSnapshot realm, AuthorizationRequest request, String csrf) {
    ClientSnapshot client = authorizations.webClient(realm, request.clientId()).orElseThrow();
    Map<String, String> words = new java.util.LinkedHashMap<>();
    Map<String, String> known = new java.util.HashMap<>();
    scopes.list(realm).forEach(s -> known.put(s.name(), s.description()));
    request.scope().tokens().forEach(t -> words.put(t, known.get(t)));
    return ConsentPage.render(
        messages,
        realm.name(),
        new ConsentPage.Client(
            client.displayName() == null ? client.clientId() : client.displayName(),
            client.links().logoUri(),
            client.links().clientUri(),
            client.links().policyUri(),
            client.links().tosUri()),
        words,
        csrf,
        LoginBrandings.of(realm));
  }

  /** The request's raw {@code claims} parameter, kept with its code for the token request. */
  static String claimsParameter(Map<String, List<String>> parameters) {
    List<String> claims = parameters.get("claims");
    return claims == null || claims.isEmpty() || claims.get(0).isEmpty() ? null : claims.get(0);
  }

  static boolean secure(HttpServletRequest http) {
    return BaseUrl.of(http).startsWith("https:");
  }
}
