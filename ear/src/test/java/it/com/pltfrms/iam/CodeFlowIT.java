package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorization code flow end to end over HTTP, as a browser and a relying party drive it:
 * authorize, the login page, the login form, the code at the redirect URI, the token exchange with
 * PKCE, the ID token verified against the realm's JWKS, UserInfo; single sign-on for a second
 * client; and every refusal on the way (wrong password, forged or missing form token, replayed and
 * concurrently redeemed codes, PKCE missing or wrong, another redirect URI or client).
 */
class CodeFlowIT {

  static final String PASSWORD = "Code-flow-pass-4411";
  static final String WEB_CB = "https://app.example/cb";
  static final String SPA_CB = "https://spa.example/cb";
  static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  static String realm;
  static String issuer;
  static String webSecret;
  static String aliceId;

  @BeforeAll
  static void setUp() {
    realm = Iam.newRealm("codeflow");
    issuer = Iam.BASE + "/realms/" + realm;
    Reply web =
        Iam.admin(
            "POST",
            "/" + realm + "/clients",
            "{\"clientId\":\"web\",\"type\":\"confidential\",\"displayName\":\"Web\","
                + "\"redirectUris\":[\""
                + WEB_CB
                + "\"]}");
    assertEquals(201, web.status(), web.body());
    webSecret = web.string("clientSecret");
    Reply spa =
        Iam.admin(
            "POST",
            "/" + realm + "/clients",
            "{\"clientId\":\"spa\",\"type\":\"public\",\"redirectUris\":[\"" + SPA_CB + "\"]}");
    assertEquals(201, spa.status(), spa.body());
    Reply alice =
        Iam.admin(
            "POST",
            "/" + realm + "/users",
            "{\"username\":\"alice\",\"email\":\"alice@example.com\",\"emailVerified\":true,"
                + "\"firstName\":\"Alice\",\"lastName\":\"Liddell\",\"password\":\""
                + PASSWORD
                + "\"}");
    assertEquals(201, alice.status(), alice.body());
    aliceId = alice.string("id");
  }

  /** A browser's side of one flow: its cookies and the PKCE pair it made up. */
  static final class Browser {
    final Map<String, String> cookies = new LinkedHashMap<>();
    final String verifier;
    final String challenge;
    final String realm;

    Browser() {
      this(CodeFlowIT.realm);
    }

    /** A browser for another realm's flows (its users' password is {@link #PASSWORD} too). */
    Browser(String realm) {
      this.realm = realm;
      byte[] random = new byte[32];
      new java.security.SecureRandom().nextBytes(random);
      verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      challenge = s256(verifier);
    }

    Reply send(HttpRequest.Builder request) {
      if (!cookies.isEmpty()) {
        request.header(
            "Cookie",
            String.join(
                "; ",
                cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
      }
      Reply reply = Iam.send(request.build());
      for (String set : reply.raw().headers().allValues("Set-Cookie")) {
        String pair = set.split(";", 2)[0];
        String[] kv = pair.split("=", 2);
        if (kv[1].isEmpty() || set.contains("Max-Age=0")) {
          cookies.remove(kv[0]);
        } else {
          cookies.put(kv[0], kv[1]);
        }
      }
      return reply;
    }

    Reply authorize(String clientId, String redirectUri, String... extra) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("response_type", "code");
      p.put("client_id", clientId);
      p.put("redirect_uri", redirectUri);
      p.put("scope", "openid profile email");
      p.put("state", "st-" + clientId);
      p.put("nonce", "n-" + clientId);
      p.put("code_challenge", challenge);
      p.put("code_challenge_method", "S256");
      for (int i = 0; i < extra.length; i += 2) {
        p.put(extra[i], extra[i + 1]);
      }
      return send(Iam.request("/realms/" + realm + "/oauth2/authorize?" + Iam.form(p)).GET());
    }

    Reply login(String csrf, String username, String password) {
      return send(
          Iam.request("/realms/" + realm + "/login")
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      Iam.form(
                          Iam.params("csrf", csrf, "username", username, "password", password)))));
    }

    Reply consent(String csrf, String decision) {
      return send(
          Iam.request("/realms/" + realm + "/consent")
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      Iam.form(Iam.params("csrf", csrf, "decision", decision)))));
    }

    Reply newPassword(String csrf, String password, String confirm) {
      return send(
          Iam.request("/realms/" + realm + "/login/password")
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      Iam.form(
                          Iam.params("csrf", csrf, "password", password, "confirm", confirm)))));
    }

    /**
     * Authorize and sign in as alice (or, once this browser has a session, single sign-on); the
     * code at the redirect URI.
     */
    String codeFor(String clientId, String redirectUri) {
      Reply page = authorize(clientId, redirectUri);
      Reply done = page.status() == 302 ? page : login(csrf(page), "alice", PASSWORD);
      Map<String, String> query = query(done, redirectUri);
      assertEquals("st-" + clientId, query.get("state"));
      assertEquals(Iam.BASE + "/realms/" + realm, query.get("iss"));
      return query.get("code");
    }
  }

  static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String csrf(Reply page) {
    Matcher m = CSRF.matcher(page.body());
    assertTrue(m.find(), page.body());
    return m.group(1);
  }

  static Map<String, String> query(Reply reply, String target) {
    assertEquals(302, reply.status(), reply.body());
    String location = reply.header("Location");
    assertTrue(location.startsWith(target + "?"), location);
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : URI.create(location).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return query;
  }

  static Reply exchange(
      String code, String redirectUri, String verifier, String authorization, String... extra) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    if (verifier != null) {
      form.put("code_verifier", verifier);
    }
    for (int i = 0; i < extra.length; i += 2) {
      form.put(extra[i], extra[i + 1]);
    }
    return Iam.token(realm, form, authorization);
  }

  static JwtClaims verifiedIdToken(String idToken, String audience) throws Exception {
    return new JwtConsumerBuilder()
        .setVerificationKeyResolver(
            new HttpsJwksVerificationKeyResolver(new HttpsJwks(issuer + "/oauth2/jwks")))
        .setExpectedIssuer(issuer)
        .setExpectedAudience(audience)
        .setRequireExpirationTime()
        .setRequireIssuedAt()
        .setRequireSubject()
        .build()
        .processToClaims(idToken);
  }

  @Test
  void flowWhenConfidentialClientThenCodeTokensIdTokenAndUserInfo() throws Exception {
    Browser browser = new Browser();
    String code = browser.codeFor("web", WEB_CB);
    assertTrue(browser.cookies.containsKey("iam_session"));
    assertFalse(browser.cookies.containsKey("iam_attempt"), "the attempt cookie is cleared");

    Reply tokens = exchange(code, WEB_CB, browser.verifier, Iam.basic("web", webSecret));
    assertEquals(200, tokens.status(), tokens.body());
    assertEquals("no-store", tokens.header("Cache-Control"));
    JwtClaims id = verifiedIdToken(tokens.string("id_token"), "web");
    assertEquals(aliceId, id.getSubject());
    assertEquals("n-web", id.getStringClaimValue("nonce"));
    assertEquals("web", id.getStringClaimValue("azp"));
    assertNotNull(id.getClaimValue("auth_time"));
    assertNotNull(id.getStringClaimValue("sid"));
    assertEquals(List.of("pwd"), id.getStringListClaimValue("amr"));
    String accessToken = tokens.string("access_token");
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest(accessToken.getBytes(StandardCharsets.US_ASCII));
    assertEquals(
        Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16)),
        id.getStringClaimValue("at_hash"));

    Reply userInfo =
        Iam.send(
            Iam.request("/realms/" + realm + "/oauth2/userinfo")
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build());
    assertEquals(200, userInfo.status(), userInfo.body());
    assertEquals(aliceId, userInfo.string("sub"));
    assertEquals("alice", userInfo.string("preferred_username"));
    assertEquals("Alice Liddell", userInfo.string("name"));
    assertEquals("alice@example.com", userInfo.string("email"));
    assertEquals(true, userInfo.json().get("email_verified"));
  }

  static Reply userInfo(String accessToken) {
    return Iam.send(
        Iam.request("/realms/" + realm + "/oauth2/userinfo")
            .header("Authorization", "Bearer " + accessToken)
            .GET()
            .build());
  }

  @Test
  void exchangeWhenCodeReplayedThenInvalidGrantAndTheFirstAccessTokenStopsWorking() {
    Browser browser = new Browser();
    String code = browser.codeFor("web", WEB_CB);
    Reply first = exchange(code, WEB_CB, browser.verifier, Iam.basic("web", webSecret));
    assertEquals(200, first.status(), first.body());
    String accessToken = first.string("access_token");
    assertEquals(200, userInfo(accessToken).status());
    exchange(code, WEB_CB, browser.verifier, Iam.basic("web", webSecret))
        .assertOAuthError(400, "invalid_grant");
    Reply revoked = userInfo(accessToken);
    assertEquals(401, revoked.status(), revoked.body());
    assertTrue(revoked.header("WWW-Authenticate").contains("invalid_token"));
  }

  /**
   * UserInfo reads users, user profiles, families and verified tokens through per-node caches: each
   * change made after a first answer shows in the very next one (this node evicts when the change
   * commits).
   */
  @Test
  void userInfoWhenUserProfileOrKeysChangeAfterAnAnswerThenTheNextAnswerSaysSo() {
    String realm = Iam.newRealm("codeflow-live");
    Reply client =
        Iam.admin(
            "POST",
            "/" + realm + "/clients",
            "{\"clientId\":\"web\",\"type\":\"confidential\",\"redirectUris\":[\""
                + WEB_CB
                + "\"]}");
    assertEquals(201, client.status(), client.body());
    Reply user =
        Iam.admin(
            "POST",
            "/" + realm + "/users",
            "{\"username\":\"alice\",\"firstName\":\"Alice\",\"lastName\":\"Liddell\","
                + "\"attributes\":{\"team\":[\"red\"]},\"password\":\""
                + PASSWORD
                + "\"}");
    assertEquals(400, user.status(), "team is not declared yet: " + user.body());
    assertEquals(
        200,
        Iam.admin(
                "PUT",
                "/" + realm + "/user-profile",
                "{\"attributes\":[{\"name\":\"team\",\"type\":\"string\"}]}")
            .status());
    user =
        Iam.admin(
            "POST",
            "/" + realm + "/users",
            "{\"username\":\"alice\",\"firstName\":\"Alice\",\"lastName\":\"Liddell\","
                + "\"attributes\":{\"team\":[\"red\"]},\"password\":\""
                + PASSWORD
                + "\"}");
    assertEquals(201, user.status(), user.body());
    String userId = user.string("id");
    Browser browser = new Browser(realm);
    String code = browser.codeFor("web", WEB_CB);
    Reply tokens =
        Iam.token(
            realm,
            Iam.params(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                WEB_CB,
                "code_verifier",
                browser.verifier),
            Iam.basic("web", client.string("clientSecret")));
    String accessToken = tokens.string("access_token");
    String path = "/realms/" + realm + "/oauth2/userinfo";
    java.util.function.Supplier<Reply> userInfo =
        () ->
            Iam.send(
                Iam.request(path).header("Authorization", "Bearer " + accessToken).GET().build());
    assertEquals("Alice Liddell", userInfo.get().string("name"));
    assertFalse(userInfo.get().body().contains("team"));

    // the profile now gives the attribute to the profile scope: the next answer carries it
    assertEquals(
        200,
        Iam.admin(
                "PUT",
                "/" + realm + "/user-profile",
                "{\"attributes\":[{\"name\":\"team\",\"type\":\"string\","
                    + "\"scope\":\"profile\"}]}")
            .status());
    assertTrue(userInfo.get().body().contains("\"team\""), userInfo.get().body());

    // the user is renamed, then disabled
    assertEquals(
        200,
        Iam.admin("PATCH", "/" + realm + "/users/" + userId, "{\"lastName\":\"Pleasance\"}")
            .status());
    assertEquals("Alice Pleasance", userInfo.get().string("name"));
    assertEquals(
        200, Iam.admin("PATCH", "/" + realm + "/users/" + userId, "{\"enabled\":false}").status());
    assertEquals(401, userInfo.get().status());
    assertEquals(
        200, Iam.admin("PATCH", "/" + realm + "/users/" + userId, "{\"enabled\":true}").status());
    assertEquals(200, userInfo.get().status());

    // the key that signed the token is retired: the remembered verification no longer counts
    String signedBy = KeyRotationIT.rotate(realm);
    assertEquals(200, userInfo.get().status(), "a key that stopped signing still verifies");
    Reply retired = KeyRotationIT.retire(realm, signedBy, "?force=true");
    assertEquals(200, retired.status(), retired.body());
    assertEquals(401, userInfo.get().status());
  }

  @Test
  void userInfoWhenClaimsRequestAsksForNameThenAnsweredWithoutTheProfileScope() {
    Browser browser = new Browser();
    Reply page =
        browser.authorize(
            "web",
            WEB_CB,
            "scope",
            "openid",
            "claims",
            "{\"userinfo\":{\"name\":{\"essential\":true}},\"id_token\":{\"email\":null}}");
    Reply done = page.status() == 302 ? page : browser.login(csrf(page), "alice", PASSWORD);
    String code = query(done, WEB_CB).get("code");
    Reply tokens = exchange(code, WEB_CB, browser.verifier, Iam.basic("web", webSecret));
    assertEquals(200, tokens.status(), tokens.body());
    Reply info = userInfo(tokens.string("access_token"));
    assertEquals(200, info.status(), info.body());
    assertEquals("Alice Liddell", info.string("name"));
    assertFalse(info.json().containsKey("email"), "only what was asked: " + info.body());
    assertFalse(info.json().containsKey("preferred_username"), info.body());
  }

  @Test
  void exchangeWhenEightAtOnceThenExactlyOneToken() throws Exception {
    Browser browser = new Browser();
    String code = browser.codeFor("web", WEB_CB);
    List<CompletableFuture<Reply>> all = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      all.add(
          CompletableFuture.supplyAsync(
              () -> exchange(code, WEB_CB, browser.verifier, Iam.basic("web", webSecret))));
    }
    int ok = 0;
    for (CompletableFuture<Reply> reply : all) {
      int status = reply.get().status();
      ok += status == 200 ? 1 : 0;
      assertTrue(status == 200 || status == 400, "status " + status);
    }
    assertEquals(1, ok);
  }

  @Test
  void exchangeWhenPkceWrongMissingOrRedirectDiffersThenInvalidGrant() {
    Browser browser = new Browser();
    String basic = Iam.basic("web", webSecret);
    exchange(browser.codeFor("web", WEB_CB), WEB_CB, new Browser().verifier, basic)
        .assertOAuthError(400, "invalid_grant");
    exchange(browser.codeFor("web", WEB_CB), WEB_CB, null, basic)
        .assertOAuthError(400, "invalid_grant");
    exchange(browser.codeFor("web", WEB_CB), WEB_CB + "/", browser.verifier, basic)
        .assertOAuthError(400, "invalid_grant");
    exchange("not-a-code", WEB_CB, browser.verifier, basic).assertOAuthError(400, "invalid_grant");
    exchange(browser.codeFor("web", WEB_CB), WEB_CB, "short", basic)
        .assertOAuthError(400, "invalid_request");
  }

  @Test
  void exchangeWhenCodeOfAnotherClientThenInvalidGrant() {
    Browser browser = new Browser();
    String spaCode = browser.codeFor("spa", SPA_CB);
    exchange(spaCode, SPA_CB, browser.verifier, Iam.basic("web", webSecret))
        .assertOAuthError(400, "invalid_grant");
  }

  @Test
  void exchangeWhenPublicClientThenClientIdAloneAndSecretRefused() throws Exception {
    Browser browser = new Browser();
    String code = browser.codeFor("spa", SPA_CB);
    Reply tokens = exchange(code, SPA_CB, browser.verifier, null, "client_id", "spa");
    assertEquals(200, tokens.status(), tokens.body());
    assertEquals(aliceId, verifiedIdToken(tokens.string("id_token"), "spa").getSubject());
    exchange(
            browser.codeFor("spa", SPA_CB),
            SPA_CB,
            browser.verifier,
            null,
            "client_id",
            "spa",
            "client_secret",
            "guess")
        .assertOAuthError(401, "invalid_client");
  }

  @Test
  void authorizeWhenSessionExistsThenSecondClientGetsCodeWithoutPassword() throws Exception {
    Browser browser = new Browser();
    String first = browser.codeFor("web", WEB_CB);
    Reply tokens = exchange(first, WEB_CB, browser.verifier, Iam.basic("web", webSecret));
    String sid = verifiedIdToken(tokens.string("id_token"), "web").getStringClaimValue("sid");

    Map<String, String> second = query(browser.authorize("spa", SPA_CB), SPA_CB);
    Reply spaTokens =
        exchange(second.get("code"), SPA_CB, browser.verifier, null, "client_id", "spa");
    assertEquals(200, spaTokens.status(), spaTokens.body());
    assertEquals(
        sid, verifiedIdToken(spaTokens.string("id_token"), "spa").getStringClaimValue("sid"));

    assertNotNull(query(browser.authorize("spa", SPA_CB, "prompt", "none"), SPA_CB).get("code"));
    assertEquals(200, browser.authorize("spa", SPA_CB, "prompt", "login").status());
    Thread.sleep(1100);
    assertEquals(200, browser.authorize("spa", SPA_CB, "max_age", "0").status());
    assertEquals(
        "login_required",
        query(browser.authorize("spa", SPA_CB, "max_age", "0", "prompt", "none"), SPA_CB)
            .get("error"));
  }

  @Test
  void loginWhenWrongPasswordOrUnknownUserThenSameErrorAndAttemptStillUsable() {
    Browser browser = new Browser();
    Reply page = browser.authorize("web", WEB_CB);
    String csrf = csrf(page);
    Reply wrong = browser.login(csrf, "alice", "not-the-password");
    Reply unknown = browser.login(csrf, "nobody-here", "not-the-password");
    assertEquals(200, wrong.status());
    assertTrue(wrong.body().contains("Invalid username or password."), wrong.body());
    assertTrue(unknown.body().contains("Invalid username or password."), unknown.body());
    assertTrue(wrong.body().contains("value=\"alice\""), "the username is kept");
    assertNotNull(query(browser.login(csrf, "alice", PASSWORD), WEB_CB).get("code"));
  }

  @Test
  void loginWhenCsrfWrongOrCookieMissingOrReplayedThenExpiredPage() {
    Browser browser = new Browser();
    String csrf = csrf(browser.authorize("web", WEB_CB));
    Reply forged = browser.login(csrf + "x", "alice", PASSWORD);
    assertEquals(400, forged.status(), forged.body());
    assertTrue(forged.header("Content-Type").startsWith("text/html"));

    Browser other = new Browser();
    Reply noCookie = other.login(csrf, "alice", PASSWORD);
    assertEquals(400, noCookie.status(), noCookie.body());

    String attempt = browser.cookies.get("iam_attempt");
    assertNotNull(query(browser.login(csrf, "alice", PASSWORD), WEB_CB).get("code"));
    browser.cookies.put("iam_attempt", attempt);
    Reply replayed = browser.login(csrf, "alice", PASSWORD);
    assertEquals(400, replayed.status(), "a finished attempt cannot be used again");
  }

  @Test
  void loginWhenUserDisabledThenSameErrorAndNoSession() {
    Reply bob =
        Iam.admin(
            "POST",
            "/" + realm + "/users",
            "{\"username\":\"bob\",\"enabled\":false,\"password\":\"" + PASSWORD + "\"}");
    assertEquals(201, bob.status(), bob.body());
    Browser browser = new Browser();
    Reply reply = browser.login(csrf(browser.authorize("web", WEB_CB)), "bob", PASSWORD);
    assertEquals(200, reply.status());
    assertTrue(reply.body().contains("Invalid username or password."));
    assertFalse(browser.cookies.containsKey("iam_session"));
  }

  @Test
  void loginWhenOversizedOrHostileInputThenPageNot500() {
    Browser browser = new Browser();
    String csrf = csrf(browser.authorize("web", WEB_CB));
    Reply huge = browser.login(csrf, "a".repeat(10_000), "x");
    assertTrue(
        huge.status() == 200 || huge.status() == 400 || huge.status() == 413, "" + huge.status());
    Reply xss = browser.login(csrf, "<script>alert(1)</script>", "x");
    assertEquals(200, xss.status());
    assertFalse(xss.body().contains("<script>alert(1)"));
    Reply notForm =
        browser.send(
            Iam.request("/realms/" + realm + "/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertEquals(415, notForm.status());
    assertNotEquals(500, huge.status());
  }

  @Test
  void loginWhenPasswordTemporaryThenPolicyCheckedNewOneBeforeTheCode() {
    Reply tina =
        Iam.admin(
            "POST",
            "/" + realm + "/users",
            "{\"username\":\"tina\",\"password\":\"" + PASSWORD + "\"}");
    assertEquals(201, tina.status(), tina.body());
    String tinaId = tina.string("id");
    Reply temporary =
        Iam.admin(
            "POST",
            "/" + realm + "/users/" + tinaId + "/password",
            "{\"password\":\"Temporary-pass-8812\",\"temporary\":true}");
    assertEquals(204, temporary.status(), temporary.body());

    Browser browser = new Browser();
    String csrf = csrf(browser.authorize("web", WEB_CB));
    Reply change = browser.login(csrf, "tina", "Temporary-pass-8812");
    assertEquals(200, change.status(), change.body());
    assertTrue(change.body().contains("/login/password"), change.body());
    assertFalse(browser.cookies.containsKey("iam_session"), "no session before a new password");

    Reply differ = browser.newPassword(csrf, "Brand-new-pass-5531", "Brand-new-pass-5532");
    assertEquals(200, differ.status());
    assertTrue(differ.body().contains("The two passwords differ."), differ.body());
    Reply weak = browser.newPassword(csrf, "short", "short");
    assertEquals(200, weak.status());
    assertTrue(weak.body().contains("id=\"password-errors\""), weak.body());
    assertEquals(
        400,
        new Browser().newPassword(csrf, "Brand-new-pass-5531", "Brand-new-pass-5531").status(),
        "not without the attempt cookie");

    Map<String, String> done =
        query(browser.newPassword(csrf, "Brand-new-pass-5531", "Brand-new-pass-5531"), WEB_CB);
    assertNotNull(done.get("code"));
    assertTrue(browser.cookies.containsKey("iam_session"));

    Browser again = new Browser();
    String next = csrf(again.authorize("web", WEB_CB));
    assertTrue(
        again.login(next, "tina", "Temporary-pass-8812").body().contains("Invalid username"));
    assertNotNull(query(again.login(next, "tina", "Brand-new-pass-5531"), WEB_CB).get("code"));
  }

  @Test
  void newPasswordWhenNoPasswordWasCheckedThenExpiredPage() {
    Browser browser = new Browser();
    String csrf = csrf(browser.authorize("web", WEB_CB));
    Reply reply = browser.newPassword(csrf, "Brand-new-pass-5531", "Brand-new-pass-5531");
    assertEquals(400, reply.status(), reply.body());
  }

  @Test
  void accessTokenWhenGroupsAndOrganizationScopesThenUserClaimsAndSession() throws Exception {
    Reply portal =
        Iam.admin(
            "POST",
            "/" + realm + "/clients",
            "{\"clientId\":\"portal\",\"type\":\"confidential\",\"redirectUris\":[\""
                + WEB_CB
                + "\"],\"allowedScopes\":[\"profile\",\"groups\",\"organization\"]}");
    assertEquals(201, portal.status(), portal.body());
    String group = AccessFixtures.newGroup(realm, "eng", null);
    AccessFixtures.ok(
        Iam.admin("PUT", "/" + realm + "/groups/" + group + "/members/" + aliceId, null));
    AccessFixtures.ok(
        Iam.admin(
            "POST", "/" + realm + "/organizations", "{\"alias\":\"acme\",\"name\":\"Acme\"}"));
    AccessFixtures.ok(
        Iam.admin("POST", "/" + realm + "/organization-roles", "{\"name\":\"approver\"}"));
    AccessFixtures.ok(
        Iam.admin("PUT", "/" + realm + "/organizations/acme/members/" + aliceId, null));
    AccessFixtures.ok(
        Iam.admin(
            "PUT",
            "/" + realm + "/organizations/acme/members/" + aliceId + "/roles/approver",
            null));

    Browser browser = new Browser();
    Reply page = browser.authorize("portal", WEB_CB, "scope", "openid groups organization");
    Map<String, String> query = query(browser.login(csrf(page), "alice", PASSWORD), WEB_CB);
    Reply tokens =
        exchange(
            query.get("code"),
            WEB_CB,
            browser.verifier,
            Iam.basic("portal", portal.string("clientSecret")));
    assertEquals(200, tokens.status(), tokens.body());
    JwtClaims access = AccessFixtures.claimsOf(tokens.string("access_token"));
    JwtClaims id = verifiedIdToken(tokens.string("id_token"), "portal");
    assertEquals(List.of("/eng"), access.getStringListClaimValue("groups"));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> organization =
        (Map<String, Map<String, Object>>) access.getClaimValue("organization");
    assertEquals(List.of("approver"), organization.get("acme").get("roles"));
    assertEquals(id.getStringClaimValue("sid"), access.getStringClaimValue("sid"));
    assertEquals(id.getClaimValue("auth_time"), access.getClaimValue("auth_time"));
    assertEquals("pwd", access.getStringClaimValue("acr"));
    assertEquals(aliceId, access.getSubject());
    assertEquals("portal", access.getStringClaimValue("client_id"));
  }

  @Test
  void consentWhenRequiredThenPageAcceptedOnceDenyIsAccessDeniedAndAdminRevokes() {
    Reply consenting =
        Iam.admin(
            "POST",
            "/" + realm + "/clients",
            "{\"clientId\":\"consenting\",\"type\":\"public\",\"consentRequired\":true,"
                + "\"displayName\":\"Consenting <App>\",\"policyUri\":\"https://spa.example/privacy\","
                + "\"redirectUris\":[\""
                + SPA_CB
                + "\"]}");
    assertEquals(201, consenting.status(), consenting.body());

    Browser browser = new Browser();
    String csrf = csrf(browser.authorize("consenting", SPA_CB));
    Reply page = browser.login(csrf, "alice", PASSWORD);
    assertEquals(200, page.status(), page.body());
    assertTrue(page.body().contains("/consent\""), page.body());
    assertTrue(page.body().contains("Consenting &lt;App&gt;"), "client name escaped");
    assertTrue(page.body().contains("https://spa.example/privacy"));
    assertTrue(browser.cookies.containsKey("iam_session"), "signed in before consenting");
    assertEquals(
        "consent_required",
        query(browser.authorize("consenting", SPA_CB, "prompt", "none"), SPA_CB).get("error"));

    // deny: access_denied to the client, and nothing stored
    Reply denyPage = browser.authorize("consenting", SPA_CB);
    assertEquals(
        "access_denied", query(browser.consent(csrf(denyPage), "deny"), SPA_CB).get("error"));
    assertEquals(0L, ((Number) consents().json().get("total")).longValue());

    // allow: a code, and the next request skips the page
    Reply allowPage = browser.authorize("consenting", SPA_CB);
    String allowCsrf = csrf(allowPage);
    assertNotNull(query(browser.consent(allowCsrf, "accept"), SPA_CB).get("code"));
    assertEquals(400, browser.consent(allowCsrf, "accept").status(), "a finished attempt");
    assertNotNull(query(browser.authorize("consenting", SPA_CB), SPA_CB).get("code"));
    assertEquals(200, browser.authorize("consenting", SPA_CB, "prompt", "consent").status());
    Reply listed = consents();
    assertEquals(1L, ((Number) listed.json().get("total")).longValue());
    assertEquals("consenting", listed.items().get(0).get("clientId"));

    assertEquals(204, Iam.admin("DELETE", consentsPath() + "/consenting", null).status());
    assertEquals(404, Iam.admin("DELETE", consentsPath() + "/consenting", null).status());
    assertEquals(200, browser.authorize("consenting", SPA_CB).status(), "asked again");
  }

  static String consentsPath() {
    return "/" + realm + "/users/" + aliceId + "/consents";
  }

  static Reply consents() {
    Reply reply = Iam.admin("GET", consentsPath(), null);
    assertEquals(200, reply.status(), reply.body());
    return reply;
  }
}
