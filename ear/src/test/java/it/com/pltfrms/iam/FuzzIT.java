package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Endpoints.Body;
import it.com.pltfrms.iam.Endpoints.Endpoint;
import it.com.pltfrms.iam.HostileBodies.FormMutation;
import it.com.pltfrms.iam.HostileBodies.JsonMutation;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Sends malformed, oversized, mistyped and hostile values through every input channel (path
 * variables, query, header fields, JSON and form bodies, methods, media types) to every endpoint of
 * {@link Endpoints}, and asserts of every answer: no 5xx, the status the input calls for, the
 * endpoint's error vocabulary (a 401 with a challenge, a 405 with {@code Allow}), and nothing
 * written ({@link SideEffects}: no business row, no SUCCESS audit event, no error or warning in the
 * server log). Liberty's HTTP channel refuses some raw bytes itself with its own 400 page before
 * the application sees them; that is accepted where noted, as long as it is a 400.
 *
 * <p>Bounded: fixed tries and a fixed seed (jqwik prints it with any failure; rerun with it to
 * reproduce), no shrinking (each try is a round of HTTP requests).
 */
class FuzzIT {

  /** The seed of every property: a failure reproduces exactly. */
  static final String SEED = "20261202";

  private static final Set<String> OAUTH_CODES =
      Set.of(
          "invalid_request",
          "invalid_client",
          "invalid_grant",
          "unauthorized_client",
          "unsupported_grant_type",
          "invalid_scope",
          "invalid_token",
          "insufficient_scope",
          "server_error",
          "temporarily_unavailable");

  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

  private static String realm;
  private static String kid;
  private static String userId;
  private static String adminToken;
  private static Map<String, String> organisations;
  private static SideEffects sideEffects;

  @BeforeContainer
  static void setUp() throws Exception {
    realm = Iam.newRealm("fuzz");
    Iam.newClient(realm, "fuzz-svc", "[\"read\"]", "[]");
    kid = (String) Iam.admin("GET", "/" + realm + "/keys", null).items().get(0).get("kid");
    userId = Iam.admin("POST", "/" + realm + "/users", "{\"username\":\"fuzz-user\"}").string("id");
    adminToken = Iam.clientToken("system", "iam-admin", Iam.ADMIN_SECRET);
    organisations = OrganisationFixture.create(realm);
    sideEffects = SideEffects.start();
  }

  @AfterContainer
  static void tearDown() throws Exception {
    if (sideEffects != null) {
      try {
        sideEffects.assertNone("the whole fuzz run");
      } finally {
        sideEffects.close();
      }
    }
  }

  // ---- the input channels ---------------------------------------------------------------------

  @Property(tries = 25, seed = SEED, shrinking = ShrinkingMode.OFF)
  void pathVariableWhenHostileThenRefused(
      @ForAll("pathSegments") String segment, @ForAll @IntRange(min = 0, max = 5) int which) {
    for (Endpoint endpoint : Endpoints.ALL) {
      List<String> variables = endpoint.variables();
      if (variables.isEmpty()) {
        continue;
      }
      Map<String, String> values = fixtureValues();
      values.put(variables.get(which % variables.size()), segment);
      RawHttp.Request request = request(endpoint, endpoint.path(values), Map.of());
      expect(endpoint, request, List.of(400), true);
    }
  }

  @Property(tries = 25, seed = SEED, shrinking = ShrinkingMode.OFF)
  void queryWhenHostileThenRefused(
      @ForAll("uriValues") String value,
      @ForAll boolean inName,
      @ForAll @IntRange(min = 0, max = 5) int which) {
    for (Endpoint endpoint : Endpoints.ALL) {
      List<String> names = new ArrayList<>(endpoint.query());
      names.add("x");
      String name = names.get(which % names.size());
      String query = inName ? value + "=1" : name + "=" + value;
      String target = endpoint.path(fixtureValues()) + "?" + query;
      expect(endpoint, request(endpoint, target, Map.of()), List.of(400), false);
    }
  }

  @Property(tries = 25, seed = SEED, shrinking = ShrinkingMode.OFF)
  void headerWhenHostileThenRefused(
      @ForAll("headerValues") byte[] value, @ForAll("headerNames") String name) {
    for (Endpoint endpoint : Endpoints.ALL) {
      RawHttp.Request request =
          request(endpoint, endpoint.path(fixtureValues()), Map.of(name, value));
      expect(endpoint, request, List.of(400), true);
    }
  }

  @Property(tries = 80, seed = SEED, shrinking = ShrinkingMode.OFF)
  void jsonBodyWhenHostileThenRefused(@ForAll("jsonMutations") JsonMutation mutation) {
    for (Endpoint endpoint : Endpoints.ALL) {
      if (endpoint.body() != Body.JSON) {
        continue;
      }
      HostileBodies.Body body =
          mutation.apply(endpoint.fields(), !endpoint.method().equals("POST"));
      RawHttp.Request request =
          authenticated(endpoint, new RawHttp.Request(endpoint.method(), path(endpoint)))
              .body("application/json", body.bytes());
      expect(endpoint, request, body.statuses(), false);
    }
  }

  @Property(tries = 150, seed = SEED, shrinking = ShrinkingMode.OFF)
  void formBodyWhenHostileThenRefused(@ForAll("formMutations") FormMutation mutation) {
    for (Endpoint endpoint : Endpoints.ALL) {
      if (endpoint.body() != Body.FORM) {
        continue;
      }
      HostileBodies.Body body = mutation.apply();
      RawHttp.Request request =
          authenticated(endpoint, new RawHttp.Request(endpoint.method(), path(endpoint)))
              .body("application/x-www-form-urlencoded", body.bytes());
      expect(endpoint, request, body.statuses(), false);
    }
  }

  /** A body in a media type the endpoint does not read, or none, or one that does not parse. */
  @Example
  void contentTypeWhenMistypedThenRefusedInVocabulary() {
    List<String> types =
        List.of(
            "",
            "text/plain",
            "application/xml",
            "application/octet-stream",
            "multipart/form-data; boundary=x",
            "application/",
            "/json",
            "garbage",
            "application/json; charset",
            "application/json;;;=");
    for (Endpoint endpoint : Endpoints.ALL) {
      if (endpoint.body() == Body.NONE) {
        continue;
      }
      List<String> mistyped = new ArrayList<>(types);
      mistyped.add(
          endpoint.body() == Body.JSON ? "application/x-www-form-urlencoded" : "application/json");
      mistyped.add(
          endpoint.body() == Body.FORM
              ? "application/x-www-form-urlencoded; charset=ISO-8859-1"
              : "application/json-patch+json");
      for (String type : mistyped) {
        // A body that would be refused even if read: this checks the media type's handling.
        byte[] body =
            (endpoint.body() == Body.JSON ? "{\"unknown\":1}" : "grant_type=unknown")
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Request request =
            authenticated(endpoint, new RawHttp.Request(endpoint.method(), path(endpoint)))
                .body(type.isEmpty() ? null : type, body);
        expect(endpoint, request, List.of(400, 415), false);
      }
    }
  }

  /** Header fields that JAX-RS parses itself, malformed: refused like any bad input. */
  @Example
  void typedHeaderWhenMalformedThenRefusedInVocabulary() {
    Map<String, List<String>> malformed =
        Map.of(
            "Accept",
            List.of("text/", "application/json;q=abc", "*/*;q=2", "a/b;;=c", "/"),
            "Accept-Language",
            List.of("en_US", "1x", "en;q=x", "abcdefghi"),
            "Content-Language",
            List.of("*", "en US"),
            "Content-Type",
            List.of("application/", "/json", "garbage", "a/b; c", "a/b; c=\"d"));
    for (Endpoint endpoint : Endpoints.ALL) {
      malformed.forEach(
          (name, values) -> {
            for (String value : values) {
              RawHttp.Request request =
                  request(
                      endpoint,
                      endpoint.path(fixtureValues()),
                      Map.of(name, value.getBytes(StandardCharsets.ISO_8859_1)));
              expect(endpoint, request, List.of(400), false);
            }
          });
    }
  }

  /** Every method an endpoint does not answer is a 405 that lists, in Allow, those it does. */
  @Example
  void methodWhenNotAllowedThen405WithAllowInVocabulary() {
    Map<String, Set<String>> allowed = Endpoints.methodsByTemplate();
    for (Endpoint endpoint : Endpoints.ALL) {
      if (!endpoint.ours() || !allowed.containsKey(endpoint.template())) {
        continue;
      }
      Set<String> methods = allowed.remove(endpoint.template());
      for (String method : METHODS) {
        if (methods.contains(method)) {
          continue;
        }
        RawHttp.Request request =
            authenticated(endpoint, new RawHttp.Request(method, path(endpoint)));
        if (!method.equals("GET") && !method.equals("DELETE")) {
          request.body("application/json", "{}".getBytes(StandardCharsets.UTF_8));
        }
        RawHttp.Reply reply = expect(endpoint, request, List.of(405), false);
        Set<String> allow =
            Stream.of(reply.header("Allow").split(","))
                .map(String::trim)
                .collect(Collectors.toSet());
        assertTrue(allow.containsAll(methods), endpoint + ": Allow " + allow + " lacks " + methods);
      }
    }
  }

  /**
   * The catalogue is complete: every resource method of the API module's classes is in it, and
   * nothing in it is gone. A new endpoint without a line in {@link Endpoints} fails here.
   */
  @Example
  void catalogueWhenApiScannedThenCoversEveryResourceMethod() throws Exception {
    Path classes = Path.of(System.getProperty("iam.it.api.classes", "../src/api/target/classes"));
    assertTrue(Files.isDirectory(classes), "no API classes at " + classes.toAbsolutePath());
    Set<String> declared = new TreeSet<>();
    try (URLClassLoader loader =
            new URLClassLoader(new URL[] {classes.toUri().toURL()}, FuzzIT.class.getClassLoader());
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            classes
                .relativize(file)
                .toString()
                .replace(File.separatorChar, '.')
                .replace(".class", "");
        if (name.endsWith("package-info")) {
          continue;
        }
        declared.addAll(resourceMethods(Class.forName(name, false, loader)));
      }
    }
    Set<String> catalogued =
        Endpoints.ALL.stream()
            .filter(Endpoint::ours)
            .map(e -> e.method() + " " + e.template())
            .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(declared.size() > 10, "found only " + declared);
    assertEquals(declared, catalogued, "Endpoints.ALL must list every resource method");
  }

  // ---- generators -----------------------------------------------------------------------------

  @Provide
  Arbitrary<String> pathSegments() {
    return Hostile.rawForPath();
  }

  @Provide
  Arbitrary<String> uriValues() {
    return Hostile.encodedForUri();
  }

  @Provide
  Arbitrary<byte[]> headerValues() {
    return Hostile.headerValue();
  }

  @Provide
  Arbitrary<String> headerNames() {
    return Arbitraries.of(
        "X-Fuzz",
        "User-Agent",
        "Accept",
        "Accept-Language",
        "If-Match",
        "Cookie",
        "Authorization",
        "Content-Type",
        "Host",
        "X-Forwarded-For");
  }

  @Provide
  Arbitrary<JsonMutation> jsonMutations() {
    return HostileBodies.json();
  }

  @Provide
  Arbitrary<FormMutation> formMutations() {
    return HostileBodies.form();
  }

  // ---- requests and what every answer must be -------------------------------------------------

  private static Map<String, String> fixtureValues() {
    Map<String, String> values = new HashMap<>();
    values.put("realm", realm);
    values.put("clientId", "fuzz-svc");
    values.put("kid", kid);
    values.put("seq", "1");
    AccessEndpoints.FIXTURES.forEach(values::putIfAbsent);
    SessionEndpoints.FIXTURES.forEach(values::putIfAbsent);
    values.put("userId", userId);
    values.put("attribute", "fuzz-attribute");
    values.putAll(organisations);
    values.put("scope", "profile"); // built in: present in every realm, never deleted
    return values;
  }

  private static String path(Endpoint endpoint) {
    return endpoint.path(fixtureValues());
  }

  /**
   * A request to {@code target} that would succeed but for the hostile header fields in {@code
   * hostile} (which replace the ordinary field of that name): authenticated, with a valid body. So
   * a hostile value that slips through is seen to write.
   */
  private static RawHttp.Request request(
      Endpoint endpoint, String target, Map<String, byte[]> hostile) {
    RawHttp.Request request = new RawHttp.Request(endpoint.method(), target);
    hostile.forEach(request::header);
    if (!hostile.containsKey("Authorization")) {
      authenticated(endpoint, request);
    }
    byte[] body = validBody(endpoint);
    String type =
        switch (endpoint.body()) {
          case JSON -> "application/json";
          case FORM -> "application/x-www-form-urlencoded";
          case NONE -> null;
        };
    return request.body(hostile.containsKey("Content-Type") ? null : type, body);
  }

  private static RawHttp.Request authenticated(Endpoint endpoint, RawHttp.Request request) {
    switch (endpoint.auth()) {
      case ADMIN -> request.header("Authorization", "Bearer " + adminToken);
      case CLIENT_WRONG_SECRET ->
          request.header(
              "Authorization",
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString("fuzz-svc:wrong".getBytes(StandardCharsets.UTF_8)));
      case NONE -> {}
    }
    return request;
  }

  private static byte[] validBody(Endpoint endpoint) {
    String body =
        switch (endpoint.body()) {
          case NONE -> "";
          case FORM -> "grant_type=client_credentials";
          case JSON ->
              !endpoint.method().equals("POST")
                  ? "{\"displayName\":\"changed by FuzzIT\"}"
                  : endpoint.fields().containsKey("name")
                      ? "{\"name\":\"fuzz-must-not-exist\"}"
                      : endpoint.fields().containsKey("username")
                          ? "{\"username\":\"fuzz-must-not-exist\"}"
                          : endpoint.fields().containsKey("password")
                              ? "{\"password\":\"Fuzz-must-not-be-set-1\"}"
                              : "{\"clientId\":\"fuzz-must-not-exist\",\"type\":\"service\"}";
        };
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Sends and asserts: no 5xx; one of {@code statuses}, in the endpoint's vocabulary (or, where
   * {@code containerMayRefuse}, Liberty's own 400); the headers its status calls for; nothing
   * written.
   */
  private static RawHttp.Reply expect(
      Endpoint endpoint,
      RawHttp.Request request,
      List<Integer> statuses,
      boolean containerMayRefuse) {
    RawHttp.Reply reply = RawHttp.send(request);
    String context =
        endpoint
            + " <- "
            + request
            + " -> "
            + reply.status()
            + " "
            + reply.contentType()
            + " "
            + RawHttp.escape(reply.body());
    assertTrue(reply.status() < 500, "a server error: " + context);
    if (endpoint.ours()) {
      if (fromContainer(reply)) {
        assertTrue(containerMayRefuse && reply.status() == 400, "not our answer: " + context);
      } else {
        assertTrue(statuses.contains(reply.status()), "expected " + statuses + ": " + context);
        assertVocabulary(endpoint, reply, context);
      }
    }
    if (reply.status() == 401) {
      assertNotNull(reply.header("WWW-Authenticate"), "401 without a challenge: " + context);
    }
    if (reply.status() == 405) {
      assertNotNull(reply.header("Allow"), "405 without Allow: " + context);
    }
    sideEffects.assertNone(context);
    return reply;
  }

  /**
   * Liberty's own refusal, before the application: its HTML error page (or JSON, when the client
   * asked for it) naming a CWWWC or SRVE message, or no body at all.
   */
  private static boolean fromContainer(RawHttp.Reply reply) {
    if (reply.header("Content-Security-Policy") != null) {
      return false; // a hosted page of ours
    }
    return reply.body().isEmpty()
        || reply.contentType().startsWith("text/html")
        || reply.body().contains("CWWWC")
        || reply.body().contains("SRVE");
  }

  private static void assertVocabulary(Endpoint endpoint, RawHttp.Reply reply, String context) {
    if (endpoint.vocabulary() == Endpoints.Vocabulary.PAGE) {
      assertTrue(reply.contentType().startsWith("text/html"), context);
      assertTrue(
          reply.header("Content-Security-Policy").contains("frame-ancestors 'none'"), context);
      assertEquals("no-store", reply.header("Cache-Control"), context);
      return;
    }
    Map<String, Object> json;
    try {
      json = JsonUtil.parseJson(reply.body());
    } catch (JoseException e) {
      throw new AssertionError("not JSON: " + context, e);
    }
    switch (endpoint.vocabulary()) {
      case OAUTH -> {
        assertTrue(reply.contentType().startsWith("application/json"), context);
        assertTrue(OAUTH_CODES.contains(String.valueOf(json.get("error"))), context);
        assertEquals("no-store", reply.header("Cache-Control"), context);
      }
      case PROBLEM -> {
        assertTrue(reply.contentType().startsWith("application/problem+json"), context);
        assertEquals((long) reply.status(), ((Number) json.get("status")).longValue(), context);
        assertNotNull(json.get("title"), context);
      }
      case PAGE, HEALTH -> {}
    }
  }

  /** "METHOD template" of each resource method (and sub-resource locator) of a class. */
  private static List<String> resourceMethods(Class<?> type) {
    jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
    if (base == null) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    for (Method method : type.getDeclaredMethods()) {
      jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
      String http = null;
      for (var annotation : method.getAnnotations()) {
        jakarta.ws.rs.HttpMethod designator =
            annotation.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
        if (designator != null) {
          http = designator.value();
        }
      }
      if (http == null && sub == null) {
        continue;
      }
      found.add(
          (http == null ? "LOCATOR" : http)
              + " "
              + join(base.value(), sub == null ? "" : sub.value()));
    }
    return found;
  }

  private static String join(String base, String sub) {
    String a = base.replaceAll("^/+|/+$", "");
    String b = sub.replaceAll("^/+|/+$", "");
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
  }
}
