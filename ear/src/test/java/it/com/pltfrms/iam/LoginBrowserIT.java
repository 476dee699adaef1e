package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import it.com.pltfrms.iam.Iam.Reply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hosted login as a person meets it (issue 7 point 16): Debian's Chromium, driven by
 * Playwright, goes through a realm's pages: the login form (labels, the realm's display name,
 * {@code login_hint} pre-filled), a wrong password, a temporary password that must be replaced,
 * consent allowed and denied, single sign-on into a second client, {@code prompt=none}, {@code
 * prompt=login} and {@code max_age}. The clients' redirect URIs point at hosts that do not exist:
 * the browser context's route ({@link BrowserContext#route}) answers them where Chromium lets it,
 * and the test reads the authorization response from the browser's request to the redirect URI
 * ({@link #landedAt}). A session is aged through the database rather than by waiting. Skipped
 * outside CI when Chromium is not installed, as {@link ConsoleBrowserIT} is.
 */
class LoginBrowserIT {

  static final Path CHROMIUM = ConsoleBrowserIT.CHROMIUM;
  static final String PASSWORD = "Browser-login-pass-2290";
  static final String DISPLAY_NAME = "Acme Workforce";
  static final String WEB_CB = "https://app.example/cb";
  static final String PORTAL_CB = "https://portal.example/cb";
  static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  static String realm;
  static String issuer;
  static String webSecret;
  static String aliceId;
  static Playwright playwright;
  static Browser chromium;

  BrowserContext context;
  Page page;

  @BeforeAll
  static void setUp() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) || System.getenv("CI") != null,
        "Chromium is not installed at " + CHROMIUM + " (ci/test.sh installs it)");
    realm = "browser-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    Reply created =
        Iam.admin(
            "POST", "", "{\"name\":\"" + realm + "\",\"displayName\":\"" + DISPLAY_NAME + "\"}");
    assertEquals(201, created.status(), created.body());
    issuer = Iam.BASE + "/realms/" + realm;
    webSecret =
        client(
                "{\"clientId\":\"web\",\"type\":\"confidential\",\"displayName\":\"Web App\","
                    + "\"redirectUris\":[\""
                    + WEB_CB
                    + "\"]}")
            .string("clientSecret");
    client(
        "{\"clientId\":\"portal\",\"type\":\"public\",\"redirectUris\":[\"" + PORTAL_CB + "\"]}");
    client(
        "{\"clientId\":\"consenting\",\"type\":\"public\",\"consentRequired\":true,"
            + "\"displayName\":\"Consenting App\",\"policyUri\":\"https://app.example/privacy\","
            + "\"redirectUris\":[\""
            + WEB_CB
            + "\"]}");
    Reply alice =
        Iam.admin(
            "POST",
            "/" + realm + "/users",
            "{\"username\":\"alice\",\"firstName\":\"Alice\",\"password\":\"" + PASSWORD + "\"}");
    assertEquals(201, alice.status(), alice.body());
    aliceId = alice.string("id");

    playwright = Playwright.create();
    chromium =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run")));
  }

  @AfterAll
  static void tearDown() {
    if (playwright != null) {
      playwright.close(); // closes the browser too
    }
  }

  /** A fresh browser profile per test (no cookies); the clients' hosts answered in the browser. */
  @BeforeEach
  void openContext() {
    context = chromium.newContext();
    for (String host : List.of("https://app.example/**", "https://portal.example/**")) {
      context.route(
          host,
          route ->
              route.fulfill(
                  new Route.FulfillOptions()
                      .setStatus(200)
                      .setContentType("text/html")
                      .setBody("<!doctype html><title>client</title><p>back at the client")));
    }
    page = context.newPage();
  }

  @AfterEach
  void closeContext() {
    if (context != null) {
      context.close();
    }
  }

  static Reply client(String json) {
    Reply reply = Iam.admin("POST", "/" + realm + "/clients", json);
    assertEquals(201, reply.status(), reply.body());
    return reply;
  }

  static String authorizeUrl(String clientId, String redirectUri, String... extra) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", clientId);
    p.put("redirect_uri", redirectUri);
    p.put("scope", "openid profile");
    p.put("state", "st-" + clientId);
    p.put("nonce", "n-" + clientId);
    p.put("code_challenge", CHALLENGE);
    p.put("code_challenge_method", "S256");
    for (int i = 0; i < extra.length; i += 2) {
      p.put(extra[i], extra[i + 1]);
    }
    return issuer + "/oauth2/authorize?" + Iam.form(p);
  }

  /**
   * Runs {@code action} (a navigation or a form submission) and returns the authorization response
   * it leads to: the query of the browser's request to {@code callback}. The route answers that
   * request where Chromium hands it over (redirects after a form POST); a redirect of a GET
   * navigation Chromium follows without the route, so that navigation ends in a DNS error for the
   * made-up host, which is expected. The request is what counts either way; the test then goes on
   * in a fresh tab of the same browser context (same cookies).
   */
  Request landedAt(String callback, Runnable action) {
    Request request =
        page.waitForRequest(
            Pattern.compile("^" + Pattern.quote(callback) + "\\?.*"),
            () -> {
              try {
                action.run();
              } catch (PlaywrightException unresolvedClientHost) {
                // see above: the made-up client host does not resolve
              }
            });
    page.close();
    page = context.newPage();
    return request;
  }

  /** As {@link #landedAt(String, Runnable)}: the response's parameters, checking {@code iss}. */
  Map<String, String> responseAt(String callback, Runnable action) {
    Map<String, String> query = HostedLogin.query(URI.create(landedAt(callback, action).url()));
    assertEquals(issuer, query.get("iss"), "RFC 9207");
    return query;
  }

  Locator username() {
    return page.getByLabel("Username");
  }

  Locator password() {
    return page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true));
  }

  void signIn(String user, String secret) {
    username().fill(user);
    password().fill(secret);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
  }

  /** The ID token for a code of the web client, verified against the realm's JWKS. */
  static JwtClaims idToken(String code) throws Exception {
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
                VERIFIER),
            Iam.basic("web", webSecret));
    assertEquals(200, tokens.status(), tokens.body());
    return new JwtConsumerBuilder()
        .setVerificationKeyResolver(
            new HttpsJwksVerificationKeyResolver(new HttpsJwks(issuer + "/oauth2/jwks")))
        .setExpectedIssuer(issuer)
        .setExpectedAudience("web")
        .setRequireExpirationTime()
        .build()
        .processToClaims(tokens.string("id_token"));
  }

  @Test
  void loginPageWhenOpenedThenLabelledRealmNamedHintPrefilledAndSignInReturnsCode() {
    Response opened = page.navigate(authorizeUrl("web", WEB_CB, "login_hint", "alice"));
    assertEquals(200, opened.status());
    assertTrue(page.title().contains(DISPLAY_NAME), page.title());
    assertEquals(DISPLAY_NAME, page.locator("h1").innerText());
    assertTrue(page.locator("body").innerText().contains("Web App"), "the client's name");
    assertEquals("Username", page.locator("label[for=username]").innerText());
    assertEquals("Password", page.locator("label[for=password]").innerText());
    assertEquals("alice", username().inputValue(), "login_hint pre-fills the username");
    assertEquals("username", page.evaluate("document.activeElement.id"), "focus starts there");

    password().fill(PASSWORD);
    Map<String, String> query = responseAt(WEB_CB, () -> password().press("Enter"));
    assertEquals("st-web", query.get("state"));
    assertNotNull(query.get("code"));
    assertTrue(
        context.cookies(issuer + "/").stream().anyMatch(c -> c.name.equals("iam_session")),
        "signed in");
  }

  @Test
  void loginWhenPasswordWrongThenMessageTiedToFieldsThenRightOneContinues() {
    page.navigate(authorizeUrl("web", WEB_CB));
    signIn("alice", "not-the-password");
    Locator error = page.locator("#login-error");
    assertTrue(error.innerText().toLowerCase().contains("invalid username or password"));
    assertEquals("alert", error.getAttribute("role"));
    assertEquals("login-error", password().getAttribute("aria-describedby"));
    assertEquals("true", username().getAttribute("aria-invalid"));
    assertEquals("alice", username().inputValue(), "the username is kept");

    signIn("nobody-at-all", "not-the-password");
    assertTrue(
        page.locator("#login-error").innerText().toLowerCase().contains("invalid username"),
        "an unknown user gets the same message");

    assertNotNull(responseAt(WEB_CB, () -> signIn("alice", PASSWORD)).get("code"));
  }

  @Test
  void loginWhenPasswordTemporaryThenPolicyViolationShownThenNewPasswordContinues() {
    Reply tina =
        Iam.admin(
            "POST",
            "/" + realm + "/users",
            "{\"username\":\"tina\",\"password\":\"" + PASSWORD + "\"}");
    assertEquals(201, tina.status(), tina.body());
    Reply temporary =
        Iam.admin(
            "POST",
            "/" + realm + "/users/" + tina.string("id") + "/password",
            "{\"password\":\"Temporary-pass-4471\",\"temporary\":true}");
    assertEquals(204, temporary.status(), temporary.body());

    page.navigate(authorizeUrl("web", WEB_CB));
    signIn("tina", "Temporary-pass-4471");
    Locator fresh = page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true));
    Locator again = page.getByLabel("New password again");
    Locator save = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"));
    fresh.fill("short");
    again.fill("short");
    save.click();
    Locator errors = page.locator("#password-errors");
    assertTrue(errors.isVisible(), "the broken rules are listed");
    assertTrue(errors.locator("li").count() >= 1);
    assertEquals("password-errors", fresh.getAttribute("aria-describedby"));
    assertTrue(page.url().startsWith(issuer), "still on the server's page");

    fresh.fill("Brand-new-pass-6604");
    again.fill("Brand-new-pass-6604");
    assertNotNull(responseAt(WEB_CB, save::click).get("code"), "the flow continues");
  }

  @Test
  void consentWhenDeniedThenAccessDeniedAndWhenAllowedThenCodeAndNotAskedAgain() {
    page.navigate(authorizeUrl("consenting", WEB_CB));
    signIn("alice", PASSWORD);
    assertEquals("Consenting App", page.locator("h1").innerText());
    assertTrue(page.locator("#scopes").innerText().contains("profile"));
    assertEquals(
        "https://app.example/privacy",
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Privacy policy"))
            .getAttribute("href"));
    Map<String, String> denied =
        responseAt(
            WEB_CB,
            () ->
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deny"))
                    .click());
    assertEquals("access_denied", denied.get("error"));
    assertEquals("st-consenting", denied.get("state"));
    assertNull(denied.get("code"));

    page.navigate(authorizeUrl("consenting", WEB_CB));
    assertEquals(0, password().count(), "signed in already: only the question is asked");
    Map<String, String> allowed =
        responseAt(
            WEB_CB,
            () ->
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Allow"))
                    .click());
    assertNotNull(allowed.get("code"));

    Map<String, String> skipped =
        responseAt(WEB_CB, () -> page.navigate(authorizeUrl("consenting", WEB_CB)));
    assertNotNull(skipped.get("code"), "the stored grant skips the page");
  }

  @Test
  void ssoWhenSecondClientThenCodeWithoutPasswordPromptAndPromptLoginAsksAgain() {
    page.navigate(authorizeUrl("web", WEB_CB));
    responseAt(WEB_CB, () -> signIn("alice", PASSWORD));

    Request callback = landedAt(PORTAL_CB, () -> page.navigate(authorizeUrl("portal", PORTAL_CB)));
    Request authorize = callback.redirectedFrom();
    assertNotNull(authorize, "answered by a redirect");
    assertTrue(authorize.url().startsWith(issuer + "/oauth2/authorize"), authorize.url());
    assertNull(authorize.redirectedFrom(), "straight from authorize: no page in between");
    Map<String, String> query = HostedLogin.query(URI.create(callback.url()));
    assertNotNull(query.get("code"));
    assertEquals("st-portal", query.get("state"));

    Map<String, String> silent =
        responseAt(
            PORTAL_CB, () -> page.navigate(authorizeUrl("portal", PORTAL_CB, "prompt", "none")));
    assertNotNull(silent.get("code"), "prompt=none with a session");

    Response login = page.navigate(authorizeUrl("portal", PORTAL_CB, "prompt", "login"));
    assertEquals(200, login.status());
    assertTrue(password().isVisible(), "prompt=login asks for the password again");
    assertNotNull(responseAt(PORTAL_CB, () -> signIn("alice", PASSWORD)).get("code"));
  }

  @Test
  void promptNoneWhenNoSessionThenLoginRequiredWithStateAndIss() {
    Map<String, String> query =
        responseAt(
            PORTAL_CB, () -> page.navigate(authorizeUrl("portal", PORTAL_CB, "prompt", "none")));
    assertEquals("login_required", query.get("error"));
    assertEquals("st-portal", query.get("state"));
    assertNull(query.get("code"));
  }

  @Test
  void maxAgeWhenSessionOlderThenPasswordAgainAndAuthTimeAdvances() throws Exception {
    page.navigate(authorizeUrl("web", WEB_CB));
    JwtClaims first = idToken(responseAt(WEB_CB, () -> signIn("alice", PASSWORD)).get("code"));
    long firstAuthTime = first.getNumericDateClaimValue("auth_time").getValue();

    // the session signed in an hour ago, as far as the server knows (no waiting in tests)
    Cookie session =
        context.cookies(issuer + "/").stream()
            .filter(c -> c.name.equals("iam_session"))
            .findFirst()
            .orElseThrow();
    try (Connection db = Iam.database();
        PreparedStatement age =
            db.prepareStatement(
                "UPDATE sso_session SET auth_time = auth_time - interval '1 hour'"
                    + " WHERE cookie_hash = ?")) {
      age.setString(1, sha256Hex(session.value));
      assertEquals(1, age.executeUpdate(), "the session is stored by its cookie's SHA-256");
    }
    JwtClaims aged =
        idToken(responseAt(WEB_CB, () -> page.navigate(authorizeUrl("web", WEB_CB))).get("code"));
    long agedAuthTime = aged.getNumericDateClaimValue("auth_time").getValue();
    assertEquals(firstAuthTime - 3600, agedAuthTime, "single sign-on keeps the session's time");

    Map<String, String> tooOld =
        responseAt(
            WEB_CB,
            () -> page.navigate(authorizeUrl("web", WEB_CB, "max_age", "600", "prompt", "none")));
    assertEquals("login_required", tooOld.get("error"), "older than max_age");

    Response again = page.navigate(authorizeUrl("web", WEB_CB, "max_age", "0"));
    assertEquals(200, again.status());
    assertTrue(password().isVisible(), "max_age exceeded: the password again");
    JwtClaims renewed = idToken(responseAt(WEB_CB, () -> signIn("alice", PASSWORD)).get("code"));
    long renewedAuthTime = renewed.getNumericDateClaimValue("auth_time").getValue();
    assertTrue(renewedAuthTime >= firstAuthTime, renewedAuthTime + " < " + firstAuthTime);
    assertNotEquals(agedAuthTime, renewedAuthTime);
    assertEquals(aliceId, renewed.getSubject());
  }

  static String sha256Hex(String value) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
  }
}
