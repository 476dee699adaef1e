package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input at the authorization and token endpoints that {@link AuthorizeIT} and {@link
 * CodeFlowIT} leave out (issue 7 point 16): missing, duplicated and oversized parameters; redirect
 * URIs that almost match, by GET and POST (always a page, never a redirect); codes replayed, raced,
 * expired (through the database, not by waiting), redeemed by another client or at another realm;
 * PKCE missing, mismatched or downgraded to plain; a session cookie carried to another realm; and
 * markup in every value a page reflects. Each case is checked by its status and error code.
 */
class AuthorizeBadInputIT {

  static final String PASSWORD = "Bad-input-pass-7730";
  static final String CB = "https://app.example/cb";
  static final String SPA_CB = "https://spa.example/cb";
  static final String XSS = "\"><script>alert(1)</script>";

  static String realm;
  static String issuer;
  static String webSecret;
  static String legacySecret;
  static String other;
  static String otherSecret;

  @BeforeAll
  static void setUp() {
    realm = Iam.newRealm("badinput");
    issuer = Iam.BASE + "/realms/" + realm;
    webSecret =
        created(
                realm,
                "{\"clientId\":\"web\",\"type\":\"confidential\",\"redirectUris\":[\""
                    + CB
                    + "\"]}")
            .string("clientSecret");
    created(
        realm, "{\"clientId\":\"spa\",\"type\":\"public\",\"redirectUris\":[\"" + SPA_CB + "\"]}");
    legacySecret =
        created(
                realm,
                "{\"clientId\":\"legacy\",\"type\":\"confidential\",\"pkceRequired\":false,"
                    + "\"redirectUris\":[\""
                    + CB
                    + "\"]}")
            .string("clientSecret");
    user(realm);

    // a second realm with a client of the same id and redirect URI, and a client of its own
    other = Iam.newRealm("badinput-other");
    otherSecret =
        created(
                other,
                "{\"clientId\":\"web\",\"type\":\"confidential\",\"redirectUris\":[\""
                    + CB
                    + "\"]}")
            .string("clientSecret");
    created(
        other,
        "{\"clientId\":\"only-other\",\"type\":\"public\",\"redirectUris\":[\"" + CB + "\"]}");
    user(other);
  }

  static Reply created(String realmName, String json) {
    Reply reply = Iam.admin("POST", "/" + realmName + "/clients", json);
    assertEquals(201, reply.status(), reply.body());
    return reply;
  }

  static void user(String realmName) {
    Reply alice =
        Iam.admin(
            "POST",
            "/" + realmName + "/users",
            "{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}");
    assertEquals(201, alice.status(), alice.body());
  }

  // ---- requests -------------------------------------------------------------------------------

  static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  static Map<String, String> valid(String... keyValues) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", "web");
    p.put("redirect_uri", CB);
    p.put("scope", "openid");
    p.put("state", "st-1");
    p.put("nonce", "n-1");
    p.put("code_challenge", CHALLENGE);
    p.put("code_challenge_method", "S256");
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
    return getRaw(Iam.form(parameters));
  }

  static Reply getRaw(String query) {
    return Iam.get("/realms/" + realm + "/oauth2/authorize?" + query);
  }

  static Reply post(String form) {
    return Iam.send(
        Iam.request("/realms/" + realm + "/oauth2/authorize")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  /** An error page: 400, HTML, the hosted pages' headers, and no Location. */
  static void assertPage(Reply reply) {
    assertEquals(400, reply.status(), reply.body());
    assertNull(reply.header("Location"), "never redirected");
    assertTrue(reply.header("Content-Type").startsWith("text/html"));
    assertTrue(reply.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
  }

  /** A redirect to CB with this error and iss; the state, or null. */
  static String assertRedirected(Reply reply, String error) {
    Map<String, String> query = HostedLogin.query(HostedLogin.redirect(reply, CB));
    assertEquals(error, query.get("error"), query.toString());
    assertEquals(issuer, query.get("iss"));
    assertNull(query.get("code"));
    return query.get("state");
  }

  /** Signs alice in for {@code clientId} at CB; the code. */
  static String code(HostedLogin browser, String clientId, String... extra) {
    String[] all = new String[extra.length + 2];
    all[0] = "client_id";
    all[1] = clientId;
    System.arraycopy(extra, 0, all, 2, extra.length);
    Reply page = browser.authorize(valid(all));
    URI back =
        page.status() == 302
            ? HostedLogin.redirect(page, CB)
            : browser.signIn(page, "alice", PASSWORD, CB);
    String code = HostedLogin.query(back).get("code");
    assertNotNull(code, back.toString());
    return code;
  }

  static Reply exchange(String realmName, String code, String verifier, String authorization) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", CB);
    if (verifier != null) {
      form.put("code_verifier", verifier);
    }
    return Iam.token(realmName, form, authorization);
  }

  static Reply exchange(String code) {
    return exchange(realm, code, VERIFIER, Iam.basic("web", webSecret));
  }

  static Reply userInfo(String accessToken) {
    return Iam.send(
        Iam.request("/realms/" + realm + "/oauth2/userinfo")
            .header("Authorization", "Bearer " + accessToken)
            .GET()
            .build());
  }

  // ---- missing, duplicated, oversized ---------------------------------------------------------

  @Test
  void authorizeWhenResponseTypeOrScopeMissingThenErrorRedirectWithState() {
    assertEquals("st-1", assertRedirected(get(valid("response_type", null)), "invalid_request"));
    assertEquals("st-1", assertRedirected(get(valid("scope", null)), "invalid_scope"));
    assertEquals("st-1", assertRedirected(get(valid("response_type", "")), "invalid_request"));
  }

  @Test
  void authorizeWhenClientIdOrRedirectUriDuplicatedThenPageNeverRedirect() {
    assertPage(getRaw(Iam.form(valid()) + "&client_id=web"));
    assertPage(getRaw(Iam.form(valid()) + "&redirect_uri=" + Iam.enc(CB)));
    assertPage(post(Iam.form(valid()) + "&redirect_uri=" + Iam.enc(CB)));
  }

  @Test
  void authorizeWhenStateDuplicatedOrOversizedThenInvalidRequestWithoutState() {
    assertNull(
        assertRedirected(getRaw(Iam.form(valid()) + "&state=st-2"), "invalid_request"),
        "neither state is echoed");
    assertNull(assertRedirected(get(valid("state", "s".repeat(2049))), "invalid_request"));
    // a control character anywhere in the query is refused before the endpoint (BadInputFilter)
    Reply control = get(valid("state", "line\nbreak"));
    assertEquals(400, control.status(), control.body());
    assertNull(control.header("Location"), "never redirected");
  }

  @Test
  void authorizeWhenParameterOversizedThenPageOrInvalidRequest() {
    assertPage(get(valid("client_id", "c".repeat(2049))));
    assertPage(get(valid("redirect_uri", CB + "?" + "q".repeat(2049))));
    for (String name : List.of("nonce", "login_hint", "ui_locales", "acr_values", "prompt")) {
      assertEquals(
          "st-1", assertRedirected(get(valid(name, "x".repeat(2049))), "invalid_request"), name);
    }
    assertRedirected(get(valid("claims", "{" + " ".repeat(9000) + "}")), "invalid_request");
    assertRedirected(get(valid("max_age", "9".repeat(40))), "invalid_request");
    assertRedirected(get(valid("max_age", "-1")), "invalid_request");
  }

  @Test
  void authorizeWhenFormBodyIsHugeThenClear4xxNot500() {
    Reply reply = post(Iam.form(valid("login_hint", "x".repeat(2_000_000))));
    assertTrue(
        reply.status() == 302 || reply.status() == 400 || reply.status() == 413,
        reply.status() + " " + reply.body());
    if (reply.status() == 302) {
      assertRedirected(reply, "invalid_request");
    }
  }

  // ---- redirect URIs --------------------------------------------------------------------------

  @Test
  void authorizeWhenRedirectUriAlmostMatchesByGetOrPostThenPageNeverRedirect() {
    for (String almost :
        List.of(
            "https://app.example/cb/",
            "https://APP.EXAMPLE/cb",
            "HTTPS://app.example/cb",
            "https://app.example/Cb",
            "https://app.example/cb?",
            "https://app.example/cb?extra=1",
            "https://app.example/cb#",
            "https://app.example/cb#frag",
            "https://user@app.example/cb",
            "https://user:pass@app.example/cb",
            "https://app.example./cb",
            "https://app.example:8443/cb",
            "https://app.example//cb",
            "https://app.example/./cb",
            "https://app.example/x/../cb",
            "https://app.example/%63b",
            "https://app.example/cb%2F",
            " https://app.example/cb",
            "https://app.example/cb ",
            "https://app.example.evil.example/cb",
            "https://evil.example/?https://app.example/cb",
            "//app.example/cb",
            "app.example/cb")) {
      Reply byGet = get(valid("redirect_uri", almost));
      assertPage(byGet);
      assertFalse(byGet.body().contains("name=\"csrf\""), almost);
      assertPage(post(Iam.form(valid("redirect_uri", almost))));
    }
  }

  @Test
  void authorizeWhenClientOfAnotherRealmThenPageNeverRedirect() {
    assertPage(get(valid("client_id", "only-other")));
  }

  // ---- codes ----------------------------------------------------------------------------------

  @Test
  void exchangeWhenTwoAtOnceThenOneWinnerAndItsTokensRevoked() throws Exception {
    String code = code(new HostedLogin(realm), "web");
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Reply>> both = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      both.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return exchange(code);
              }));
    }
    start.countDown();
    List<Reply> winners = new ArrayList<>();
    for (CompletableFuture<Reply> reply : both) {
      Reply r = reply.get();
      if (r.status() == 200) {
        winners.add(r);
      } else {
        r.assertOAuthError(400, "invalid_grant");
      }
    }
    assertEquals(1, winners.size(), "exactly one redemption wins");
    // the loser was a replay (RFC 6749 §4.1.2): what the code issued is revoked
    Reply after = userInfo(winners.get(0).string("access_token"));
    assertEquals(401, after.status(), after.body());
    assertTrue(after.header("WWW-Authenticate").contains("invalid_token"));
  }

  @Test
  void exchangeWhenReplayedLaterThenInvalidGrantAndFirstTokensRevoked() {
    String code = code(new HostedLogin(realm), "web");
    Reply first = exchange(code);
    assertEquals(200, first.status(), first.body());
    String accessToken = first.string("access_token");
    assertEquals(200, userInfo(accessToken).status());
    exchange(code).assertOAuthError(400, "invalid_grant");
    assertEquals(401, userInfo(accessToken).status(), "revoked by the replay");
  }

  @Test
  void exchangeWhenCodeExpiredThenInvalidGrant() throws Exception {
    String code = code(new HostedLogin(realm), "web");
    try (Connection db = Iam.database();
        PreparedStatement expire =
            db.prepareStatement(
                "UPDATE authorization_code SET expires_at = now() - interval '1 second'"
                    + " WHERE code_hash = ?")) {
      expire.setString(1, sha256Hex(code));
      assertEquals(1, expire.executeUpdate(), "the code is stored by its SHA-256 only");
    }
    exchange(code).assertOAuthError(400, "invalid_grant");
  }

  @Test
  void exchangeWhenCodeOfAnotherRealmThenInvalidGrantAndCodeStillGoodAtHome() {
    String code = code(new HostedLogin(realm), "web");
    exchange(other, code, VERIFIER, Iam.basic("web", otherSecret))
        .assertOAuthError(400, "invalid_grant");
    exchange(other, code, VERIFIER, Iam.basic("web", webSecret))
        .assertOAuthError(401, "invalid_client");
    assertEquals(200, exchange(code).status(), "a refusal elsewhere does not consume it");
  }

  @Test
  void exchangeWhenWrongOrUnauthenticatedClientThenRefusedAndCodeUnspent() {
    String code = code(new HostedLogin(realm), "web");
    exchange(realm, code, VERIFIER, null).assertOAuthError(401, "invalid_client");
    exchange(realm, code, VERIFIER, Iam.basic("web", "wrong-secret"))
        .assertOAuthError(401, "invalid_client");
    assertEquals(200, exchange(code).status(), "client authentication comes first");

    String another = code(new HostedLogin(realm), "web");
    Map<String, String> asSpa = new LinkedHashMap<>();
    asSpa.put("grant_type", "authorization_code");
    asSpa.put("code", another);
    asSpa.put("redirect_uri", CB);
    asSpa.put("code_verifier", VERIFIER);
    asSpa.put("client_id", "spa");
    Iam.token(realm, asSpa, null).assertOAuthError(400, "invalid_grant");
    exchange(another).assertOAuthError(400, "invalid_grant");
  }

  @Test
  void exchangeWhenCodeOrRedirectUriMissingOrDuplicatedThenInvalidRequest() {
    String basic = Iam.basic("web", webSecret);
    Iam.token(realm, Iam.params("grant_type", "authorization_code", "redirect_uri", CB), basic)
        .assertOAuthError(400, "invalid_request");
    Iam.token(realm, Iam.params("grant_type", "authorization_code", "code", "x"), basic)
        .assertOAuthError(400, "invalid_request");
    Iam.tokenRaw(
            realm,
            "application/x-www-form-urlencoded",
            ("grant_type=authorization_code&code=a&code=b&redirect_uri=" + Iam.enc(CB))
                .getBytes(StandardCharsets.UTF_8),
            basic)
        .assertOAuthError(400, "invalid_request");
    exchange(realm, "c".repeat(5000), VERIFIER, basic).assertOAuthError(400, "invalid_request");
  }

  // ---- PKCE -----------------------------------------------------------------------------------

  @Test
  void authorizeWhenChallengeWithoutMethodThenInvalidRequestAsPlainIsRefused() {
    assertRedirected(get(valid("code_challenge_method", null)), "invalid_request");
    assertRedirected(get(valid("code_challenge_method", "s256")), "invalid_request");
    assertRedirected(get(valid("code_challenge", null)), "invalid_request");
  }

  @Test
  void exchangeWhenChallengeSentBackAsVerifierThenInvalidGrant() {
    String code = code(new HostedLogin(realm), "web");
    exchange(realm, code, CHALLENGE, Iam.basic("web", webSecret))
        .assertOAuthError(400, "invalid_grant");
  }

  @Test
  void exchangeWhenClientWithoutPkceSendsVerifierThenInvalidGrantAndWithoutThenTokens() {
    String legacy = Iam.basic("legacy", legacySecret);
    HostedLogin browser = new HostedLogin(realm);
    String noChallenge =
        code(browser, "legacy", "code_challenge", null, "code_challenge_method", null);
    exchange(realm, noChallenge, VERIFIER, legacy).assertOAuthError(400, "invalid_grant");
    String plain = code(browser, "legacy", "code_challenge", null, "code_challenge_method", null);
    assertEquals(200, exchange(realm, plain, null, legacy).status());
    String withChallenge = code(browser, "legacy");
    exchange(realm, withChallenge, null, legacy).assertOAuthError(400, "invalid_grant");
  }

  @Test
  void exchangeWhenPublicClientOmitsVerifierThenInvalidGrant() {
    HostedLogin browser = new HostedLogin(realm);
    Reply page = browser.authorize(valid("client_id", "spa", "redirect_uri", SPA_CB));
    String code = HostedLogin.query(browser.signIn(page, "alice", PASSWORD, SPA_CB)).get("code");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", SPA_CB);
    form.put("client_id", "spa");
    Iam.token(realm, form, null).assertOAuthError(400, "invalid_grant");
  }

  // ---- realms ---------------------------------------------------------------------------------

  @Test
  void authorizeWhenSessionCookieOfAnotherRealmThenNoSingleSignOn() {
    HostedLogin home = new HostedLogin(realm);
    code(home, "web");
    String session = home.cookies.get("iam_session");
    assertNotNull(session);

    HostedLogin carried = new HostedLogin(other);
    carried.cookies.put("iam_session", session);
    Reply reply = carried.authorize(valid("prompt", "none"));
    Map<String, String> query = HostedLogin.query(HostedLogin.redirect(reply, CB));
    assertEquals("login_required", query.get("error"));
    assertEquals(Iam.BASE + "/realms/" + other, query.get("iss"));
  }

  // ---- markup in reflected values -------------------------------------------------------------

  @Test
  void formPostWhenErrorDescriptionCarriesMarkupThenEscaped() {
    Reply scope =
        get(valid("response_mode", "form_post", "scope", "openid <img/src=x/onerror=alert(1)>"));
    assertEquals(200, scope.status(), scope.body());
    assertTrue(scope.body().contains("name=\"error\" value=\"invalid_scope\""), scope.body());
    assertFalse(scope.body().contains("<img"), scope.body());
    assertTrue(scope.body().contains("&lt;img/src=x/onerror=alert(1)&gt;"), scope.body());

    Reply name =
        getRaw(
            Iam.form(valid("response_mode", "form_post"))
                + "&%3Cscript%3Ealert(1)%3C%2Fscript%3E=a&%3Cscript%3Ealert(1)%3C%2Fscript%3E=b");
    assertEquals(200, name.status(), name.body());
    assertTrue(name.body().contains("name=\"error\" value=\"invalid_request\""), name.body());
    assertFalse(name.body().contains("<script>alert"), name.body());

    Reply state = get(valid("response_mode", "form_post", "response_type", "token", "state", XSS));
    assertFalse(state.body().contains("<script>alert"), state.body());
  }

  @Test
  void redirectWhenStateCarriesMarkupThenEncodedInLocationAndReturnedIntact() {
    HostedLogin browser = new HostedLogin(realm);
    Reply page = browser.authorize(valid("state", XSS, "login_hint", XSS, "ui_locales", XSS));
    assertEquals(200, page.status(), page.body());
    assertFalse(page.body().contains("<script>alert"), page.body());
    assertTrue(page.body().contains("lang=\"en\""), "a tag that is not well formed is passed over");
    URI back = browser.signIn(page, "alice", PASSWORD, CB);
    assertFalse(back.toString().contains("<") || back.toString().contains("\""), back.toString());
    assertEquals(XSS, HostedLogin.query(back).get("state"));
  }

  @Test
  void loginPageWhenRealmAndClientNamesCarryMarkupThenEscaped() {
    assertEquals(
        200,
        Iam.admin("PATCH", "/" + other, "{\"displayName\":\"Realm <script>alert(1)</script>\"}")
            .status());
    Reply named =
        Iam.admin(
            "POST",
            "/" + other + "/clients",
            "{\"clientId\":\"named\",\"type\":\"public\",\"displayName\":\"App <script>alert(2)"
                + "</script>\",\"redirectUris\":[\""
                + CB
                + "\"]}");
    assertEquals(201, named.status(), named.body());
    Reply page =
        Iam.get("/realms/" + other + "/oauth2/authorize?" + Iam.form(valid("client_id", "named")));
    assertEquals(200, page.status(), page.body());
    assertFalse(page.body().contains("<script>alert"), page.body());
    assertTrue(page.body().contains("Realm &lt;script&gt;alert(1)&lt;/script&gt;"), page.body());
    assertTrue(page.body().contains("App &lt;script&gt;alert(2)&lt;/script&gt;"), page.body());
  }

  @Test
  void clientWhenLinkIsScriptOrQuoteBreakingThen400() {
    for (String link :
        List.of(
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "https://spa.example/\"><script>alert(1)</script>")) {
      Reply reply =
          Iam.admin(
              "POST",
              "/" + realm + "/clients",
              "{\"clientId\":\"linked\",\"type\":\"public\",\"consentRequired\":true,"
                  + "\"policyUri\":\""
                  + link.replace("\"", "\\\"")
                  + "\",\"redirectUris\":[\""
                  + SPA_CB
                  + "\"]}");
      assertEquals(400, reply.status(), link + ": " + reply.body());
    }
  }

  static String sha256Hex(String value) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
  }
}
