package com.pltfrms.iam.oauth.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationRequestTest {

  private static final String ISSUER = "https://id.example.com/realms/acme";
  private static final String REDIRECT = "https://app.example/cb";
  private static final String CHALLENGE = Pkce.challengeOf("a".repeat(43));

  private static final Map<String, AuthorizationClient> CLIENTS =
      Map.of(
          "web",
              new AuthorizationClient("web", List.of(REDIRECT, "https://app.example/cb?x=1"), true),
          "legacy", new AuthorizationClient("legacy", List.of(REDIRECT), false),
          "cli",
              new AuthorizationClient(
                  "cli", List.of("http://127.0.0.1/cb", "http://[::1]/cb"), true));
  private static final Set<String> SCOPES =
      Set.of("openid", "profile", "email", "address", "phone", "offline_access");

  /** A valid request of client "web", with extra or replaced parameters. */
  private static Map<String, List<String>> request(String... keyValues) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    parameters.put("client_id", List.of("web"));
    parameters.put("redirect_uri", List.of(REDIRECT));
    parameters.put("response_type", List.of("code"));
    parameters.put("scope", List.of("openid profile"));
    parameters.put("state", List.of("st-1"));
    parameters.put("code_challenge", List.of(CHALLENGE));
    parameters.put("code_challenge_method", List.of("S256"));
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i + 1] == null) {
        parameters.remove(keyValues[i]);
      } else {
        parameters.put(keyValues[i], List.of(keyValues[i + 1]));
      }
    }
    return parameters;
  }

  private static AuthorizationRequest parse(Map<String, List<String>> parameters) {
    return AuthorizationRequest.parse(
        parameters, ISSUER, id -> Optional.ofNullable(CLIENTS.get(id)), SCOPES::contains);
  }

  private static AuthorizationProblem problem(Map<String, List<String>> parameters) {
    return assertThrows(AuthorizationProblem.class, () -> parse(parameters));
  }

  private static void assertRedirected(OAuthError error, Map<String, List<String>> parameters) {
    AuthorizationProblem problem = problem(parameters);
    assertEquals(error, problem.error(), problem.description());
    assertFalse(problem.showAsPage(), problem.description());
    assertEquals(error.code(), problem.responseParameters().get("error"));
    assertEquals(ISSUER, problem.responseParameters().get("iss"));
  }

  private static void assertPage(Map<String, List<String>> parameters) {
    AuthorizationProblem problem = problem(parameters);
    assertTrue(problem.showAsPage(), problem.description());
    assertNull(problem.redirectUri());
    assertEquals(Map.of(), problem.responseParameters());
  }

  @Test
  void parseWhenValidThenEveryValueKept() {
    AuthorizationRequest request =
        parse(
            request(
                "nonce", "n-1",
                "prompt", "login consent",
                "max_age", "0",
                "login_hint", "alice@example.com",
                "ui_locales", "de-CH en bad_tag",
                "acr_values", "urn:a urn:b",
                "response_mode", "form_post",
                "unknown_parameter", "ignored"));
    assertEquals("web", request.clientId());
    assertEquals(REDIRECT, request.redirectUri());
    assertEquals(ResponseMode.FORM_POST, request.responseMode());
    assertEquals(Scope.parse("openid profile"), request.scope());
    assertTrue(request.openId());
    assertEquals("st-1", request.state());
    assertEquals("n-1", request.nonce());
    assertEquals(CHALLENGE, request.codeChallenge());
    assertEquals(Set.of(Prompt.LOGIN, Prompt.CONSENT), request.prompts());
    assertEquals(0L, request.maxAge());
    assertEquals("alice@example.com", request.loginHint());
    assertEquals(List.of("de-CH", "en"), request.uiLocales());
    assertEquals(List.of("urn:a", "urn:b"), request.acrValues());
    assertEquals(ClaimsRequest.NONE, request.claims());
  }

  @Test
  void parseWhenOptionalParametersAbsentThenDefaults() {
    AuthorizationRequest request = parse(request("state", null));
    assertEquals(ResponseMode.QUERY, request.responseMode());
    assertNull(request.state());
    assertNull(request.nonce());
    assertNull(request.maxAge());
    assertEquals(Set.of(), request.prompts());
  }

  @Test
  void parseWhenEmptyValueThenTreatedAsOmitted() {
    assertNull(parse(request("nonce", "")).nonce());
    assertRedirected(OAuthError.INVALID_REQUEST, request("response_type", ""));
  }

  @Test
  void parseWhenScopeWithoutOpenidThenPlainOAuthRequest() {
    assertFalse(parse(request("scope", "profile")).openId());
  }

  // ---- page: the client or redirect URI cannot be trusted ------------------------------------

  @Test
  void parseWhenClientIdMissingThenPage() {
    assertPage(request("client_id", null));
  }

  @Test
  void parseWhenClientUnknownThenPage() {
    assertPage(request("client_id", "nobody"));
  }

  @Test
  void parseWhenRedirectUriMissingThenPage() {
    assertPage(request("redirect_uri", null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://app.example/cb/",
        "https://APP.example/cb",
        "https://app.example/CB",
        "https://app.example/cb?extra=1",
        "https://app.example/cb#fragment",
        "https://user@app.example/cb",
        "https://app.example:443/cb",
        "http://app.example/cb",
        "https://app.example/c",
        "https://app.example.evil.example/cb",
        "https://evil.example/?https://app.example/cb"
      })
  void parseWhenRedirectUriAlmostMatchesThenPage(String uri) {
    assertPage(request("redirect_uri", uri));
  }

  @Test
  void parseWhenRedirectUriRegisteredWithQueryThenExactQueryMatches() {
    assertEquals(
        "https://app.example/cb?x=1",
        parse(request("redirect_uri", "https://app.example/cb?x=1")).redirectUri());
  }

  @Test
  void parseWhenClientIdOrRedirectUriDuplicatedThenPage() {
    Map<String, List<String>> twoClients = request();
    twoClients.put("client_id", List.of("web", "legacy"));
    assertPage(twoClients);
    Map<String, List<String>> twoRedirects = request();
    twoRedirects.put("redirect_uri", List.of(REDIRECT, REDIRECT));
    assertPage(twoRedirects);
  }

  @Test
  void parseWhenRedirectUriHoldsControlCharacterOrIsHugeThenPage() {
    assertPage(request("redirect_uri", REDIRECT + "\n"));
    assertPage(request("redirect_uri", REDIRECT + "?" + "a".repeat(5000)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/cb",
        "http://127.0.0.1:53211/cb",
        "http://[::1]:8080/cb",
        "http://127.0.0.1:1/cb"
      })
  void parseWhenLoopbackRedirectUriOnAnyPortThenAccepted(String uri) {
    assertEquals(uri, parse(request("client_id", "cli", "redirect_uri", uri)).redirectUri());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:53211/cb/",
        "http://127.0.0.1:/cb",
        "http://127.0.0.1:99999/cb",
        "http://127.0.0.1.evil.example/cb",
        "http://127.0.0.1:80@evil.example/cb",
        "http://localhost:8080/cb",
        "https://127.0.0.1:8080/cb",
        "http://127.0.0.2/cb"
      })
  void parseWhenLoopbackRedirectUriDiffersBeyondPortThenPage(String uri) {
    assertPage(request("client_id", "cli", "redirect_uri", uri));
  }

  // ---- redirect: everything after the client and redirect URI --------------------------------

  @Test
  void parseWhenRedirectedThenStateAndIssuerSentBack() {
    AuthorizationProblem problem = problem(request("response_type", "token"));
    assertEquals(REDIRECT, problem.redirectUri());
    assertEquals(ResponseMode.QUERY, problem.responseMode());
    assertEquals(
        List.of("error", "error_description", "state", "iss"),
        List.copyOf(problem.responseParameters().keySet()));
    assertEquals("st-1", problem.responseParameters().get("state"));
    assertTrue(problem.location().startsWith(REDIRECT + "?error=unsupported_response_type&"));
    assertTrue(
        problem
            .location()
            .endsWith("&state=st-1&iss=https%3A%2F%2Fid.example.com%2Frealms%2Facme"));
  }

  @Test
  void locationWhenRedirectUriHasQueryThenParametersAppended() {
    AuthorizationProblem problem =
        problem(request("redirect_uri", "https://app.example/cb?x=1", "response_type", "token"));
    assertTrue(problem.location().startsWith("https://app.example/cb?x=1&error="));
  }

  @Test
  void parseWhenFormPostAndErrorThenFormPostResponse() {
    AuthorizationProblem problem =
        problem(request("response_mode", "form_post", "response_type", "token"));
    assertEquals(ResponseMode.FORM_POST, problem.responseMode());
    assertThrows(IllegalStateException.class, problem::location);
  }

  @Test
  void parseWhenStateTooLongThenErrorWithoutState() {
    AuthorizationProblem problem = problem(request("state", "s".repeat(3000)));
    assertEquals(OAuthError.INVALID_REQUEST, problem.error());
    assertFalse(problem.responseParameters().containsKey("state"));
  }

  @Test
  void parseWhenStateDuplicatedThenErrorWithoutState() {
    Map<String, List<String>> parameters = request();
    parameters.put("state", List.of("a", "b"));
    AuthorizationProblem problem = problem(parameters);
    assertEquals(OAuthError.INVALID_REQUEST, problem.error());
    assertFalse(problem.showAsPage());
    assertNull(problem.state());
  }

  @ParameterizedTest
  @ValueSource(strings = {"scope", "response_type", "nonce", "code_challenge", "prompt", "unknown"})
  void parseWhenParameterDuplicatedThenInvalidRequest(String name) {
    Map<String, List<String>> parameters = request();
    parameters.put(name, List.of("x", "y"));
    assertRedirected(OAuthError.INVALID_REQUEST, parameters);
  }

  @Test
  void parseWhenResponseModeUnknownThenInvalidRequestByQuery() {
    AuthorizationProblem problem = problem(request("response_mode", "fragment"));
    assertEquals(OAuthError.INVALID_REQUEST, problem.error());
    assertEquals(ResponseMode.QUERY, problem.responseMode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"token", "id_token", "code id_token", "none", "CODE"})
  void parseWhenResponseTypeNotCodeThenUnsupportedResponseType(String type) {
    assertRedirected(OAuthError.UNSUPPORTED_RESPONSE_TYPE, request("response_type", type));
  }

  @Test
  void parseWhenResponseTypeMissingThenInvalidRequest() {
    assertRedirected(OAuthError.INVALID_REQUEST, request("response_type", null));
  }

  @Test
  void parseWhenRequestObjectThenRequestNotSupported() {
    assertRedirected(OAuthError.REQUEST_NOT_SUPPORTED, request("request", "eyJ.eyJ.sig"));
  }

  @Test
  void parseWhenRequestUriThenRequestUriNotSupported() {
    assertRedirected(
        OAuthError.REQUEST_URI_NOT_SUPPORTED, request("request_uri", "https://app.example/r"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"openid unknown", "openid  profile", " openid", "openid\"x"})
  void parseWhenScopeUnknownOrMalformedThenInvalidScope(String scope) {
    assertRedirected(OAuthError.INVALID_SCOPE, request("scope", scope));
  }

  @Test
  void parseWhenScopeMissingThenInvalidScope() {
    assertRedirected(OAuthError.INVALID_SCOPE, request("scope", null));
  }

  // ---- PKCE (RFC 7636) --------------------------------------------------------------------------

  @Test
  void parseWhenPkceRequiredAndNoChallengeThenInvalidRequest() {
    assertRedirected(
        OAuthError.INVALID_REQUEST, request("code_challenge", null, "code_challenge_method", null));
  }

  @Test
  void parseWhenPkceOptionalAndNoChallengeThenNoChallenge() {
    assertNull(
        parse(request("client_id", "legacy", "code_challenge", null, "code_challenge_method", null))
            .codeChallenge());
  }

  @Test
  void parseWhenMethodPlainThenInvalidRequest() {
    assertRedirected(OAuthError.INVALID_REQUEST, request("code_challenge_method", "plain"));
  }

  @Test
  void parseWhenMethodOmittedThenPlainAssumedAndRefused() {
    assertRedirected(OAuthError.INVALID_REQUEST, request("code_challenge_method", null));
  }

  @Test
  void parseWhenMethodWithoutChallengeThenInvalidRequest() {
    assertRedirected(
        OAuthError.INVALID_REQUEST, request("client_id", "legacy", "code_challenge", null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"short", "a+b/c=abcdefghijklmnopqrstuvwxyz0123456789ABCDEF"})
  void parseWhenChallengeMalformedThenInvalidRequest(String challenge) {
    assertRedirected(OAuthError.INVALID_REQUEST, request("code_challenge", challenge));
  }

  @Test
  void parseWhenChallengeLengthAtBoundsThenAccepted() {
    assertEquals(43, parse(request("code_challenge", "a".repeat(43))).codeChallenge().length());
    assertEquals(128, parse(request("code_challenge", "a".repeat(128))).codeChallenge().length());
    assertRedirected(OAuthError.INVALID_REQUEST, request("code_challenge", "a".repeat(42)));
    assertRedirected(OAuthError.INVALID_REQUEST, request("code_challenge", "a".repeat(129)));
  }

  // ---- OpenID Connect parameters ----------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"none login", "consent none", "select_account", "bogus"})
  void parseWhenPromptInvalidThenInvalidRequest(String prompt) {
    assertRedirected(OAuthError.INVALID_REQUEST, request("prompt", prompt));
  }

  @Test
  void parseWhenPromptNoneAloneThenAccepted() {
    assertTrue(parse(request("prompt", "none")).prompts(Prompt.NONE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "1.5", "abc", "1e3", "9999999999", " 5"})
  void parseWhenMaxAgeInvalidThenInvalidRequest(String maxAge) {
    assertRedirected(OAuthError.INVALID_REQUEST, request("max_age", maxAge));
  }

  @Test
  void parseWhenIdTokenHintNotAJwtThenInvalidRequest() {
    assertRedirected(OAuthError.INVALID_REQUEST, request("id_token_hint", "not a jwt"));
    assertEquals("a.b.c", parse(request("id_token_hint", "a.b.c")).idTokenHint());
  }

  @Test
  void parseWhenValueHoldsControlCharacterThenInvalidRequest() {
    assertRedirected(OAuthError.INVALID_REQUEST, request("nonce", "n\u0000"));
    assertRedirected(OAuthError.INVALID_REQUEST, request("login_hint", "a".repeat(3000)));
  }

  @Test
  void parseWhenClaimsValidThenEssentialMembersParsed() {
    AuthorizationRequest request =
        parse(
            request(
                "claims",
                "{\"userinfo\":{\"email\":{\"essential\":true},\"name\":null},"
                    + "\"id_token\":{\"auth_time\":{\"essential\":true},"
                    + "\"acr\":{\"values\":[\"urn:a\",\"urn:b\"]}},\"other\":1}"));
    assertEquals(List.of("email"), request.claims().essentialUserinfo());
    assertEquals(List.of("auth_time"), request.claims().essentialIdToken());
    assertEquals(List.of("urn:a", "urn:b"), request.claims().idToken().get("acr").values());
    assertEquals(ClaimsRequest.Claim.VOLUNTARY, request.claims().userinfo().get("name"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[]",
        "{\"userinfo\":[]}",
        "{\"userinfo\":{\"email\":true}}",
        "{\"userinfo\":{\"email\":{\"essential\":\"yes\"}}}",
        "{\"id_token\":{\"acr\":{\"values\":\"urn:a\"}}}",
        "{\"id_token\":{\"acr\":{\"value\":{\"nested\":1}}}}",
        "{\"userinfo\":{},\"userinfo\":{}}",
        "{\"userinfo\":{"
      })
  void parseWhenClaimsMalformedThenInvalidRequest(String claims) {
    assertRedirected(OAuthError.INVALID_REQUEST, request("claims", claims));
  }

  @Test
  void toStringWhenPrintedThenNoHintsOrState() {
    String text =
        parse(request("id_token_hint", "secret.token.value", "nonce", "n-secret")).toString();
    assertFalse(text.contains("secret"), text);
    assertFalse(text.contains("st-1"), text);
  }

  @Test
  void parseWhenParametersHaveNullListsThenOmitted() {
    Map<String, List<String>> parameters = new HashMap<>(request());
    parameters.put("nonce", null);
    assertNull(parse(parameters).nonce());
  }
}
