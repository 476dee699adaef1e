package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Liberty's own relying-party support as a client of a realm: the sample application
 * (src/liberty-rp) in a second Liberty server (liberty/rp/server.xml, started by the build next to
 * the IAM server) protects {@code /rp/me} with {@code openidConnectClient}, configured with nothing
 * but the realm's discovery URL, the client id and secret, and {@code /rp-api/whoami} with {@code
 * mpJwt}, configured with the issuer and {@code jwks_uri} that discovery answers.
 *
 * <p>The realm, its confidential client (redirect URI {@code
 * https://localhost:<rp-port>/oidcclient/redirect/iam}) and a user are created here through the
 * admin API, as an operator would; the client's id and secret and the realm's issuer and JWKS URI
 * then go into the relying party's {@code configDropins/overrides}, which Liberty applies while
 * running. A browser (an HTTP client with a cookie jar, following no redirect by itself) then walks
 * the sign-in: the relying party sends it to the realm's authorization endpoint with PKCE, the
 * hosted login signs alice in, and Liberty redeems the code and verifies the ID token itself.
 */
class LibertyRpIT {

  static final String RP = System.getProperty("iam.it.rp.url", "https://localhost:9444");
  static final Path RP_SERVER =
      Path.of(System.getProperty("iam.it.rp.server.dir", "target/liberty/wlp/usr/servers/rp"));
  static final String CLIENT_ID = "liberty-rp";
  static final String REDIRECT_URI = RP + "/oidcclient/redirect/iam";
  static final String PASSWORD = "Liberty-rp-pass-5521";
  static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  static String realm;
  static String issuer;
  static String aliceId;
  static String clientSecret;
  static String otherRealmToken;

  @BeforeAll
  static void registerTheRelyingParty() throws Exception {
    assumeFalse(
        Boolean.getBoolean("iam.it.rp.skip"), "the relying-party server is off (it.rp.skip)");
    realm = Iam.newRealm("libertyrp");
    // What the relying party reads: discovery over HTTPS, as its openidConnectClient does.
    Map<String, Object> discovery =
        json(
            Iam.send(
                HttpRequest.newBuilder(
                        URI.create(
                            Iam.HTTPS_BASE
                                + "/realms/"
                                + realm
                                + "/.well-known/openid-configuration"))
                    .build()));
    issuer = (String) discovery.get("issuer");
    assertEquals(Iam.HTTPS_BASE + "/realms/" + realm, issuer);
    String jwksUri = (String) discovery.get("jwks_uri");

    Iam.Reply client =
        Iam.admin(
            "POST",
            "/" + realm + "/clients",
            "{\"clientId\":\""
                + CLIENT_ID
                + "\",\"type\":\"confidential\",\"displayName\":\"Liberty sample\","
                + "\"grantTypes\":[\"authorization_code\",\"password\"],"
                + "\"redirectUris\":[\""
                + REDIRECT_URI
                + "\"]}");
    assertEquals(201, client.status(), client.body());
    clientSecret = client.string("clientSecret");
    aliceId = newUser(realm, "alice");

    String other = Iam.newRealm("libertyrp-other");
    Iam.Reply otherClient =
        Iam.admin(
            "POST",
            "/" + other + "/clients",
            "{\"clientId\":\""
                + CLIENT_ID
                + "\",\"type\":\"confidential\",\"grantTypes\":[\"password\"]}");
    assertEquals(201, otherClient.status(), otherClient.body());
    newUser(other, "alice");
    otherRealmToken = passwordGrant(other, otherClient.string("clientSecret"));

    configureRelyingParty(
        Map.of(
            "IAM_ISSUER", issuer,
            "IAM_JWKS_URI", jwksUri,
            "IAM_CLIENT_ID", CLIENT_ID,
            "IAM_CLIENT_SECRET", clientSecret));
  }

  @Test
  void meWhenAnonymousThenRedirectedToTheRealmsAuthorizationEndpointWithPkce() {
    Browser browser = new Browser();
    HttpResponse<String> start = browser.get(RP + "/rp/me");
    assertEquals(302, start.statusCode());
    String location = start.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith(issuer + "/oauth2/authorize?"), location);
    Map<String, String> query = query(location);
    assertEquals("code", query.get("response_type"));
    assertEquals(CLIENT_ID, query.get("client_id"));
    assertEquals(REDIRECT_URI, query.get("redirect_uri"));
    assertEquals("S256", query.get("code_challenge_method"));
    assertNotNull(query.get("code_challenge"));
    assertNotNull(query.get("state"));
    assertNotNull(query.get("nonce"));
    assertTrue(query.get("scope").contains("openid"), query.get("scope"));
  }

  @Test
  void meWhenSignedInThroughTheHostedLoginThenShowsTheUserAndStaysSignedIn() {
    Browser browser = new Browser();
    String authorize = browser.get(RP + "/rp/me").headers().firstValue("Location").orElseThrow();

    HttpResponse<String> loginPage = browser.get(authorize);
    assertEquals(200, loginPage.statusCode(), loginPage.body());
    Matcher csrf = CSRF.matcher(loginPage.body());
    assertTrue(csrf.find(), loginPage.body());
    HttpResponse<String> signedIn =
        browser.post(
            issuer + "/login",
            Iam.form(Iam.params("csrf", csrf.group(1), "username", "alice", "password", PASSWORD)));
    assertEquals(302, signedIn.statusCode(), signedIn.body());
    String callback = signedIn.headers().firstValue("Location").orElseThrow();
    assertTrue(callback.startsWith(REDIRECT_URI + "?"), callback);
    assertEquals(issuer, query(callback).get("iss"));

    // Liberty redeems the code at the token endpoint, checks the ID token and sends the browser
    // back to the page it asked for.
    HttpResponse<String> back = browser.get(callback);
    assertEquals(302, back.statusCode(), back.body());
    String original = back.headers().firstValue("Location").orElseThrow();
    assertTrue(original.endsWith("/rp/me"), original);

    HttpResponse<String> me = browser.get(RP + "/rp/me");
    assertEquals(200, me.statusCode(), me.body());
    assertEquals(aliceId, json(me.body()).get("user"));

    // The relying party's own session: a browser with the RP's cookies only (not the realm's
    // SSO cookie) stays signed in, with no trip to the realm.
    Browser rpCookiesOnly = new Browser();
    for (HttpCookie cookie : browser.cookies.getCookieStore().getCookies()) {
      if (!cookie.getName().startsWith("iam_")) {
        rpCookiesOnly.cookies.getCookieStore().add(URI.create(RP), cookie);
      }
    }
    HttpResponse<String> again = rpCookiesOnly.get(RP + "/rp/me");
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(aliceId, json(again.body()).get("user"));
  }

  @Test
  void whoamiWhenTheRealmsAccessTokenThenTheUser() {
    String token = passwordGrant(realm, clientSecret);
    HttpResponse<String> reply = api("Bearer " + token);
    assertEquals(200, reply.statusCode(), reply.body());
    Map<String, Object> caller = json(reply.body());
    assertEquals(aliceId, caller.get("sub"));
    assertEquals(issuer, caller.get("iss"));
    assertEquals(CLIENT_ID, caller.get("client_id"));
  }

  @Test
  void whoamiWhenNoTokenThen401() {
    assertEquals(401, api(null).statusCode());
  }

  @Test
  void whoamiWhenTheTokenIsTamperedThen401() {
    String token = passwordGrant(realm, clientSecret);
    assertEquals(200, api("Bearer " + token).statusCode());
    String[] parts = token.split("\\.");
    // Another subject under the same signature.
    String payload =
        new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                payload
                    .replace(aliceId, "00000000-0000-0000-0000-000000000000")
                    .getBytes(StandardCharsets.UTF_8));
    assertEquals(401, api("Bearer " + parts[0] + "." + forged + "." + parts[2]).statusCode());
  }

  @Test
  void whoamiWhenATokenOfAnotherRealmThen401() {
    assertEquals(401, api("Bearer " + otherRealmToken).statusCode());
  }

  // ---- helpers --------------------------------------------------------------------------------

  static String newUser(String realmName, String username) {
    Iam.Reply user =
        Iam.admin(
            "POST",
            "/" + realmName + "/users",
            "{\"username\":\""
                + username
                + "\",\"email\":\""
                + username
                + "@example.com\",\"emailVerified\":true,\"password\":\""
                + PASSWORD
                + "\"}");
    assertEquals(201, user.status(), user.body());
    return user.string("id");
  }

  /** The client's own legacy password grant, over HTTPS: a token of the issuer the RP trusts. */
  static String passwordGrant(String realmName, String secret) {
    Iam.Reply reply =
        Iam.send(
            HttpRequest.newBuilder(
                    URI.create(Iam.HTTPS_BASE + "/realms/" + realmName + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", Iam.basic(CLIENT_ID, secret))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Iam.form(
                            Iam.params(
                                "grant_type", "password",
                                "username", "alice",
                                "password", PASSWORD))))
                .build());
    assertEquals(200, reply.status(), reply.body());
    return reply.string("access_token");
  }

  static HttpResponse<String> api(String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RP + "/rp-api/whoami"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return new Browser().send(request.timeout(Duration.ofSeconds(30)).GET().build());
  }

  /**
   * Writes the realm's settings into the relying party's configDropins/overrides (atomically:
   * Liberty reads only {@code *.xml} there) and waits until Liberty applied them, that is until an
   * anonymous visitor of {@code /rp/me} is sent to this realm.
   */
  static void configureRelyingParty(Map<String, String> variables) throws Exception {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<server>\n");
    variables.forEach(
        (name, value) ->
            xml.append("  <variable name=\"")
                .append(name)
                .append("\" value=\"")
                .append(value)
                .append("\"/>\n"));
    xml.append("</server>\n");
    Path overrides = RP_SERVER.resolve("configDropins/overrides");
    Files.createDirectories(overrides);
    Path temporary = overrides.resolve("iam-realm.xml.part");
    Files.writeString(temporary, xml, StandardCharsets.UTF_8);
    Files.move(
        temporary,
        overrides.resolve("iam-realm.xml"),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);

    String last = "no answer";
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> reply = new Browser().get(RP + "/rp/me");
        String location = reply.headers().firstValue("Location").orElse("");
        if (reply.statusCode() == 302 && location.startsWith(issuer + "/oauth2/authorize?")) {
          return;
        }
        last = reply.statusCode() + " " + location;
      } catch (AssertionError e) {
        last = String.valueOf(e.getCause());
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the relying party did not take the realm's settings: " + last);
  }

  static Map<String, Object> json(Iam.Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  static Map<String, Object> json(String body) {
    try {
      return JsonUtil.parseJson(body);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  static Map<String, String> query(String location) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : URI.create(location).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return query;
  }

  /**
   * A browser: one cookie jar for both servers (cookies ignore ports, paths and Secure still
   * apply), redirects followed by the test, step by step.
   */
  static final class Browser {
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    final HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .sslContext(TrustAnything.contextUnchecked())
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> get(String url) {
      return send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    HttpResponse<String> post(String url, String form) {
      return send(
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build());
    }

    HttpResponse<String> send(HttpRequest request) {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new AssertionError("request failed: " + request.uri(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
