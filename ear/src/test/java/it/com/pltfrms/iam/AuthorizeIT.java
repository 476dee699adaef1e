package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorization endpoint's front door (RFC 6749 §4.1.1, §4.1.2.1; OIDC Core §3.1.2): what it
 * refuses with a page (unknown client, unregistered or almost-matching redirect URI), what it
 * refuses by redirect (with state and iss, RFC 9207; by query or form post), and the login page it
 * shows otherwise: escaped, with the hosted pages' headers and a realm-scoped attempt cookie.
 */
class AuthorizeIT {

  static final String CALLBACK = "https://app.example/cb";
  static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  static String realm;
  static String issuer;

  @BeforeAll
  static void setUp() {
    realm = Iam.newRealm("authorize");
    issuer = Iam.BASE + "/realms/" + realm;
    client(
        "{\"clientId\":\"web\",\"type\":\"confidential\",\"displayName\":\"Web <App>\","
            + "\"redirectUris\":[\"https://app.example/cb\",\"https://app.example/cb?tenant=1\","
            + "\"http://127.0.0.1/native\"]}");
    client(
        "{\"clientId\":\"spa\",\"type\":\"public\",\"redirectUris\":[\"https://spa.example/cb\"]}");
    client(
        "{\"clientId\":\"cc-only\",\"type\":\"confidential\","
            + "\"grantTypes\":[\"client_credentials\"]}");
    Iam.newClient(realm, "svc", "[]", "[]");
  }

  static void client(String json) {
    Reply reply = Iam.admin("POST", "/" + realm + "/clients", json);
    assertEquals(201, reply.status(), reply.body());
  }

  static Map<String, String> valid() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", "web");
    p.put("redirect_uri", CALLBACK);
    p.put("scope", "openid profile");
    p.put("state", "st-123");
    p.put("nonce", "n-456");
    p.put("code_challenge", CHALLENGE);
    p.put("code_challenge_method", "S256");
    return p;
  }

  static Map<String, String> with(String... keyValues) {
    Map<String, String> p = valid();
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i + 1] == null) {
        p.remove(keyValues[i]);
      } else {
        p.put(keyValues[i], keyValues[i + 1]);
      }
    }
    return p;
  }

  static Reply get(Map<String, String> parameters) {
    return Iam.get("/realms/" + realm + "/oauth2/authorize?" + Iam.form(parameters));
  }

  static Reply getRaw(String query) {
    return Iam.get("/realms/" + realm + "/oauth2/authorize?" + query);
  }

  static Reply post(Map<String, String> parameters) {
    return Iam.send(
        Iam.request("/realms/" + realm + "/oauth2/authorize")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(Iam.form(parameters)))
            .build());
  }

  /** The query parameters of a redirect's Location. */
  static Map<String, String> redirected(Reply reply, String expectedTarget) {
    assertEquals(302, reply.status(), reply.body());
    String location = reply.header("Location");
    assertTrue(location.startsWith(expectedTarget + "?"), location);
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : URI.create(location).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
    }
    return query;
  }

  static void assertRedirectedError(Reply reply, String error) {
    Map<String, String> query = redirected(reply, CALLBACK);
    assertEquals(error, query.get("error"), query.toString());
    assertEquals("st-123", query.get("state"));
    assertEquals(issuer, query.get("iss"));
    assertNull(query.get("code"));
  }

  static void assertPage(Reply reply) {
    assertEquals(400, reply.status(), reply.body());
    assertNull(reply.header("Location"), "never redirected");
    assertTrue(reply.header("Content-Type").startsWith("text/html"));
    assertHostedHeaders(reply);
  }

  static void assertHostedHeaders(Reply reply) {
    String csp = reply.header("Content-Security-Policy");
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
    assertEquals("nosniff", reply.header("X-Content-Type-Options"));
    assertEquals("no-referrer", reply.header("Referrer-Policy"));
    // Liberty adds no-cache=set-cookie beside a cookie
    assertTrue(reply.header("Cache-Control").startsWith("no-store"), reply.header("Cache-Control"));
  }

  @Test
  void getWhenValidThenLoginPageWithAttemptCookieAndEscapedValues() {
    Reply reply = get(with("login_hint", "\"><script>alert(1)</script>"));
    assertEquals(200, reply.status(), reply.body());
    assertHostedHeaders(reply);
    String body = reply.body();
    assertTrue(body.contains("name=\"csrf\""), body);
    assertTrue(body.contains("Web &lt;App&gt;"), "client name escaped");
    assertFalse(body.contains("<script>alert(1)"), "login_hint escaped");
    assertTrue(body.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), body);
    assertTrue(body.contains("<label for=\"username\">"));
    String cookie = reply.header("Set-Cookie");
    assertTrue(cookie.startsWith("iam_attempt="), cookie);
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie);
    assertTrue(cookie.contains("Path=/realms/" + realm + "/"), cookie);
  }

  @Test
  void postWhenValidThenSameLoginPage() {
    Reply reply = post(valid());
    assertEquals(200, reply.status(), reply.body());
    assertTrue(reply.body().contains("name=\"csrf\""));
  }

  @Test
  void getWhenUiLocalesGermanThenGermanPage() {
    Reply reply = get(with("ui_locales", "de-CH en"));
    assertTrue(reply.body().contains("lang=\"de\""), reply.body());
    assertTrue(reply.body().contains("Passwort"));
  }

  @Test
  void getWhenClientUnknownServiceOrMissingThenPageNeverRedirect() {
    assertPage(get(with("client_id", "nope")));
    assertPage(get(with("client_id", "svc")));
    assertPage(get(with("client_id", null)));
  }

  @Test
  void getWhenRedirectUriAlmostMatchesThenPageNeverRedirect() {
    for (String almost :
        List.of(
            "https://app.example/cb/",
            "https://APP.example/cb",
            "https://app.example/CB",
            "https://app.example/cb?x=1",
            "https://app.example/cb#frag",
            "https://user@app.example/cb",
            "https://app.example:443/cb",
            "http://app.example/cb",
            "https://app.example/cb?tenant=2",
            "https://evil.example/cb")) {
      assertPage(get(with("redirect_uri", almost)));
    }
    assertPage(get(with("redirect_uri", null)));
  }

  @Test
  void getWhenRegisteredQueryOrLoopbackAnyPortThenAccepted() {
    assertEquals(200, get(with("redirect_uri", "https://app.example/cb?tenant=1")).status());
    assertEquals(200, get(with("redirect_uri", "http://127.0.0.1:53111/native")).status());
  }

  @Test
  void getWhenResponseTypeNotCodeThenUnsupportedResponseTypeByRedirect() {
    assertRedirectedError(get(with("response_type", "token")), "unsupported_response_type");
    assertRedirectedError(get(with("response_type", "id_token")), "unsupported_response_type");
  }

  @Test
  void getWhenPromptNoneWithoutSessionThenLoginRequired() {
    assertRedirectedError(get(with("prompt", "none")), "login_required");
  }

  @Test
  void getWhenPkceMissingPlainOrMalformedThenInvalidRequest() {
    Map<String, String> spa =
        redirected(
            get(
                with(
                    "client_id",
                    "spa",
                    "redirect_uri",
                    "https://spa.example/cb",
                    "code_challenge",
                    null,
                    "code_challenge_method",
                    null)),
            "https://spa.example/cb");
    assertEquals("invalid_request", spa.get("error"));
    assertRedirectedError(
        get(with("code_challenge", null, "code_challenge_method", null)), "invalid_request");
    assertRedirectedError(get(with("code_challenge_method", "plain")), "invalid_request");
    assertRedirectedError(get(with("code_challenge", "short")), "invalid_request");
  }

  @Test
  void getWhenClientNotRegisteredForCodeThenPageForItHasNoRedirectUri() {
    assertPage(get(with("client_id", "cc-only")));
  }

  @Test
  void getWhenScopeUnknownOrNotAllowedThenInvalidScope() {
    assertRedirectedError(get(with("scope", "openid no-such-scope")), "invalid_scope");
    assertRedirectedError(get(with("scope", "openid offline_access")), "invalid_scope");
  }

  @Test
  void getWhenParameterDuplicatedThenInvalidRequest() {
    Reply reply = getRaw(Iam.form(valid()) + "&scope=openid");
    assertRedirectedError(reply, "invalid_request");
  }

  @Test
  void getWhenRequestObjectThenRequestNotSupported() {
    assertRedirectedError(get(with("request", "a.b.c")), "request_not_supported");
    assertRedirectedError(
        get(with("request_uri", "https://x.example/r")), "request_uri_not_supported");
  }

  @Test
  void getWhenFormPostErrorThenAutoSubmittedFormWithEscapedState() {
    Reply reply =
        get(with("response_mode", "form_post", "response_type", "token", "state", "\"><b>x"));
    assertEquals(200, reply.status(), reply.body());
    assertHostedHeaders(reply);
    String body = reply.body();
    assertTrue(body.contains("action=\"https://app.example/cb\""), body);
    assertTrue(body.contains("name=\"error\" value=\"unsupported_response_type\""), body);
    assertTrue(body.contains("value=\"&quot;&gt;&lt;b&gt;x\""), body);
    assertTrue(body.contains("name=\"iss\" value=\"" + issuer + "\""), body);
    assertTrue(body.contains("<script src=\"/assets/form-post.js\"></script>"));
  }

  @Test
  void postWhenNotAFormThenUnsupportedMediaType() {
    Reply reply =
        Iam.send(
            Iam.request("/realms/" + realm + "/oauth2/authorize")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertEquals(415, reply.status(), reply.body());
  }

  @Test
  void getWhenRealmUnknownThen404() {
    assertEquals(
        404, Iam.get("/realms/no-such-realm-q/oauth2/authorize?" + Iam.form(valid())).status());
  }

  @Test
  void assetsWhenRequestedThenServedWithTypesAndUnknownIs404() {
    Reply css = Iam.get("/assets/hosted.css");
    assertEquals(200, css.status());
    assertTrue(css.header("Content-Type").startsWith("text/css"));
    assertEquals(200, Iam.get("/assets/form-post.js").status());
    assertEquals(404, Iam.get("/assets/nope.js").status());
  }
}
