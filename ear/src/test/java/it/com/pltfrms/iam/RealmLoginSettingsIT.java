package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.CodeFlowIT.Browser;
import it.com.pltfrms.iam.Iam.Reply;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A realm's login settings through the admin API and what they change for people: the hosted pages'
 * branding (logo, primary colour as the realm's style sheet, footer text, every value escaped), the
 * SSO session lifetimes (the cookie's and the session's), and whether ID tokens carry the scopes'
 * claims; bad values are 400 naming the field and change nothing; the settings travel with a
 * realm's export and import.
 */
class RealmLoginSettingsIT {

  static final String CB = "https://branded.example/cb";
  static String realm;
  static String secret;

  @BeforeAll
  static void setUp() {
    realm = Iam.newRealm("branding");
    Reply web =
        Iam.admin(
            "POST",
            "/" + realm + "/clients",
            "{\"clientId\":\"web\",\"type\":\"confidential\",\"redirectUris\":[\"" + CB + "\"]}");
    assertEquals(201, web.status(), web.body());
    secret = web.string("clientSecret");
    Reply alice =
        Iam.admin(
            "POST",
            "/" + realm + "/users",
            "{\"username\":\"alice\",\"email\":\"alice@branded.example\",\"emailVerified\":true,"
                + "\"password\":\""
                + CodeFlowIT.PASSWORD
                + "\"}");
    assertEquals(201, alice.status(), alice.body());
  }

  static Reply patch(String json) {
    return Iam.admin("PATCH", "/" + realm, json);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> branding() {
    return (Map<String, Object>) Iam.admin("GET", "/" + realm, null).json().get("loginBranding");
  }

  @Test
  void realmWhenNewThenDefaultLoginSettings() {
    String other = Iam.newRealm("brandingdefaults");
    Map<String, Object> json = Iam.admin("GET", "/" + other, null).json();
    assertEquals(1800L, json.get("ssoSessionIdleSeconds"));
    assertEquals(36000L, json.get("ssoSessionMaxSeconds"));
    assertEquals(false, json.get("scopeClaimsInIdToken"));
    assertEquals(Map.of(), json.get("loginBranding"));
    Reply css = Iam.get("/realms/" + other + "/branding.css");
    assertEquals(200, css.status());
    assertEquals("", css.body());
  }

  @Test
  void brandingWhenSetThenPagesShowItEscapedAndWhenRemovedThenGone() {
    Reply set =
        patch(
            "{\"loginBranding\":{\"logoUri\":\"https://cdn.branded.example/logo.png?a=1&b=2\","
                + "\"primaryColor\":\"#AA3300\",\"footerText\":\"<b>Acme</b> & \\\"Co\\\"\"}}");
    assertEquals(200, set.status(), set.body());
    assertEquals("#aa3300", branding().get("primaryColor"));

    Reply page = new Browser(realm).authorize("web", CB);
    assertEquals(200, page.status(), page.body());
    String html = page.body();
    assertTrue(
        html.contains(
            "<img class=\"brand\" alt=\"\" src=\"https://cdn.branded.example/logo.png?a=1&amp;b=2\">"),
        html);
    assertTrue(
        html.contains("<footer>&lt;b&gt;Acme&lt;/b&gt; &amp; &quot;Co&quot;</footer>"), html);
    Matcher sheet =
        Pattern.compile("href=\"(/realms/" + realm + "/branding\\.css\\?v=\\d+)\"").matcher(html);
    assertTrue(sheet.find(), html);
    Reply css = Iam.get(sheet.group(1));
    assertEquals(200, css.status());
    assertTrue(css.header("Content-Type").startsWith("text/css"), css.header("Content-Type"));
    assertEquals(":root { --primary: #aa3300; }\n", css.body());
    assertTrue(page.header("Content-Security-Policy").contains("style-src 'self'"));

    assertEquals(200, patch("{\"loginBranding\":null}").status());
    assertEquals(Map.of(), branding());
    String plain = new Browser(realm).authorize("web", CB).body();
    assertFalse(plain.contains("<footer>"), plain);
    assertFalse(plain.contains("class=\"brand\""), plain);
    assertFalse(plain.contains("branding.css"), plain);
    assertEquals("", Iam.get("/realms/" + realm + "/branding.css").body());
  }

  @Test
  void settingsWhenBadThen400NamingTheFieldAndNothingChanged() {
    assertEquals(
        200,
        patch("{\"loginBranding\":{\"footerText\":\"kept\"},\"ssoSessionIdleSeconds\":1800}")
            .status());
    List<String> bad =
        List.of(
            "{\"loginBranding\":{\"logoUri\":\"http://cdn.example/logo.png\"}}",
            "{\"loginBranding\":{\"logoUri\":\"javascript:alert(1)\"}}",
            "{\"loginBranding\":{\"logoUri\":\"https://user@cdn.example/l.png\"}}",
            "{\"loginBranding\":{\"logoUri\":\"https://cdn.example/l.png#x\"}}",
            "{\"loginBranding\":{\"logoUri\":\"https://cdn.example/" + "a".repeat(2100) + "\"}}",
            "{\"loginBranding\":{\"primaryColor\":\"red\"}}",
            "{\"loginBranding\":{\"primaryColor\":\"#12345\"}}",
            "{\"loginBranding\":{\"primaryColor\":\"#1234567\"}}",
            "{\"loginBranding\":{\"primaryColor\":\"#12345g\"}}",
            "{\"loginBranding\":{\"primaryColor\":\"#123456;}body{x:y\"}}",
            "{\"loginBranding\":{\"footerText\":\"" + "f".repeat(501) + "\"}}",
            "{\"loginBranding\":{\"footerText\":\"a\\u0007b\"}}",
            "{\"loginBranding\":{\"color\":\"#ffffff\"}}",
            "{\"loginBranding\":\"acme\"}",
            "{\"loginBranding\":[]}",
            "{\"loginBranding\":{\"logoUri\":5}}",
            "{\"ssoSessionIdleSeconds\":59}",
            "{\"ssoSessionMaxSeconds\":2592001}",
            "{\"ssoSessionIdleSeconds\":7200,\"ssoSessionMaxSeconds\":3600}",
            "{\"ssoSessionIdleSeconds\":\"1800\"}",
            "{\"scopeClaimsInIdToken\":\"yes\"}");
    for (String body : bad) {
      Reply reply = patch(body);
      assertEquals(400, reply.status(), body + " → " + reply.body());
    }
    Reply named = patch("{\"loginBranding\":{\"primaryColor\":\"red\"}}");
    assertTrue(named.body().contains("loginBranding.primaryColor"), named.body());
    Reply order = patch("{\"ssoSessionIdleSeconds\":7200,\"ssoSessionMaxSeconds\":3600}");
    assertTrue(order.body().contains("ssoSessionIdleSeconds"), order.body());
    assertEquals(Map.of("footerText", "kept"), branding());
    assertEquals(1800L, Iam.admin("GET", "/" + realm, null).json().get("ssoSessionIdleSeconds"));
  }

  @Test
  void brandingCssWhenRealmUnknownOrMalformedThen404() {
    assertEquals(404, Iam.get("/realms/no-such-realm-x/branding.css").status());
    assertEquals(404, Iam.get("/realms/UPPER%20case/branding.css").status());
  }

  @Test
  void sessionLifetimesWhenSetThenTheNewSessionAndItsCookieFollowThem() {
    String short_ = Iam.newRealm("brandingsessions");
    assertEquals(
        201,
        Iam.admin(
                "POST",
                "/" + short_ + "/clients",
                "{\"clientId\":\"web\",\"type\":\"confidential\",\"redirectUris\":[\""
                    + CB
                    + "\"]}")
            .status());
    Reply bob =
        Iam.admin(
            "POST",
            "/" + short_ + "/users",
            "{\"username\":\"alice\",\"password\":\"" + CodeFlowIT.PASSWORD + "\"}");
    assertEquals(201, bob.status(), bob.body());
    Reply set =
        Iam.admin(
            "PATCH", "/" + short_, "{\"ssoSessionIdleSeconds\":120,\"ssoSessionMaxSeconds\":600}");
    assertEquals(200, set.status(), set.body());

    Browser browser = new Browser(short_);
    Reply page = browser.authorize("web", CB);
    Reply done = browser.login(CodeFlowIT.csrf(page), "alice", CodeFlowIT.PASSWORD);
    assertEquals(302, done.status(), done.body());
    String cookie =
        done.raw().headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("iam_session="))
            .findFirst()
            .orElseThrow();
    Matcher maxAge = Pattern.compile("Max-Age=(\\d+)").matcher(cookie);
    assertTrue(maxAge.find(), cookie);
    int seconds = Integer.parseInt(maxAge.group(1));
    assertTrue(seconds > 590 && seconds <= 600, cookie);

    List<Map<String, Object>> sessions =
        Iam.admin("GET", "/" + short_ + "/users/" + bob.string("id") + "/sessions", null).items();
    assertEquals(1, sessions.size());
    Map<String, Object> session = sessions.get(0);
    long idle =
        java.time.Duration.between(
                java.time.Instant.parse((String) session.get("lastSeenAt")),
                java.time.Instant.parse((String) session.get("idleExpiresAt")))
            .toSeconds();
    assertEquals(120, idle, session.toString());
  }

  @Test
  void idTokenWhenRealmSaysSoThenItCarriesTheScopesClaims() throws Exception {
    JwtClaims before = idToken();
    assertNull(before.getClaimValue("email"), before.toJson());
    assertEquals(200, patch("{\"scopeClaimsInIdToken\":true}").status());
    try {
      JwtClaims after = idToken();
      assertEquals("alice@branded.example", after.getStringClaimValue("email"));
      assertEquals(true, after.getClaimValue("email_verified"));
      assertEquals("alice", after.getStringClaimValue("preferred_username"));
    } finally {
      assertEquals(200, patch("{\"scopeClaimsInIdToken\":false}").status());
    }
  }

  private static JwtClaims idToken() throws Exception {
    Browser browser = new Browser(realm);
    Reply page = browser.authorize("web", CB);
    Reply done =
        page.status() == 302
            ? page
            : browser.login(CodeFlowIT.csrf(page), "alice", CodeFlowIT.PASSWORD);
    String code = CodeFlowIT.query(done, CB).get("code");
    Map<String, String> form =
        Iam.params(
            "grant_type",
            "authorization_code",
            "code",
            code,
            "redirect_uri",
            CB,
            "code_verifier",
            browser.verifier);
    Reply tokens = Iam.token(realm, form, Iam.basic("web", secret));
    assertEquals(200, tokens.status(), tokens.body());
    String idToken = tokens.string("id_token");
    assertNotNull(idToken);
    return new JwtConsumerBuilder()
        .setSkipSignatureVerification()
        .setSkipDefaultAudienceValidation()
        .build()
        .processToClaims(idToken);
  }

  @Test
  void exportWhenSettingsSetThenTheyTravelToTheImportedRealm() {
    assertEquals(
        200,
        patch(
                "{\"ssoSessionMaxSeconds\":7200,\"loginBranding\":{\"primaryColor\":\"#102030\","
                    + "\"footerText\":\"exported\"}}")
            .status());
    Reply export = Iam.admin("GET", "/" + realm + "/export", null);
    assertEquals(200, export.status(), export.body());
    assertEquals(7200L, export.json().get("ssoSessionMaxSeconds"));
    String copy = realm + "-copy";
    Reply imported = Iam.admin("POST", "/import?name=" + copy, export.body());
    assertEquals(201, imported.status(), imported.body());
    Map<String, Object> json = Iam.admin("GET", "/" + copy, null).json();
    assertEquals(7200L, json.get("ssoSessionMaxSeconds"));
    assertEquals(
        Map.of("primaryColor", "#102030", "footerText", "exported"), json.get("loginBranding"));
  }
}
