package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Control characters, lone surrogates, overlong or invalid UTF-8 and oversized bodies are refused
 * with a 4xx in the endpoint's vocabulary, before any query runs, wherever they arrive: form, JSON,
 * query, path, header. FuzzIT sends many more; these are the cases the issue names, spelled out.
 */
class BadInputIT {

  static String realm;

  @BeforeAll
  static void setUp() {
    realm = Iam.newRealm("badinput");
    Iam.newClient(realm, "svc", "[]", "[]");
  }

  private static RawHttp.Reply raw(RawHttp.Request request) {
    return RawHttp.send(request);
  }

  private static String bearer() {
    return "Bearer " + Iam.adminToken();
  }

  @Test
  void tokenWhenClientIdIsNulThenInvalidRequest() {
    Reply reply =
        Iam.tokenRaw(
            realm,
            "application/x-www-form-urlencoded",
            "grant_type=client_credentials&client_id=%00&client_secret=x".getBytes(),
            null);
    reply.assertOAuthError(400, "invalid_request");
  }

  @Test
  void tokenWhenBasicClientIdHoldsNulThenInvalidRequest() {
    String basic = "Basic " + Base64.getEncoder().encodeToString("%00:secret".getBytes());
    Reply reply = Iam.token(realm, Iam.params("grant_type", "client_credentials"), basic);
    reply.assertOAuthError(400, "invalid_request");
  }

  @Test
  void adminWhenDisplayNameHoldsNulThen400ProblemAndNothingChanged() {
    Reply reply = Iam.admin("PATCH", "/" + realm, "{\"displayName\":\"a\\u0000b\"}");
    assertProblem(reply, 400);
    assertEquals("badinput", Iam.admin("GET", "/" + realm, null).string("displayName"));
  }

  @Test
  void adminWhenDisplayNameHoldsLoneSurrogateThen400() {
    assertProblem(Iam.admin("PATCH", "/" + realm, "{\"displayName\":\"a\\ud800b\"}"), 400);
  }

  @Test
  void adminWhenDisplayNameHoldsLineBreakThen400() {
    assertProblem(Iam.admin("PATCH", "/" + realm, "{\"displayName\":\"a\\nb\"}"), 400);
  }

  @Test
  void adminWhenJsonNestedTooDeeplyThen400() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertProblem(Iam.admin("PATCH", "/" + realm, deep), 400);
  }

  @Test
  void adminWhenBodyOversizedThen413() {
    String big = "{\"displayName\":\"" + "a".repeat(70 * 1024) + "\"}";
    assertProblem(Iam.admin("PATCH", "/" + realm, big), 413);
  }

  @Test
  void auditWhenTypeIsNulThen400Problem() {
    assertProblem(Iam.admin("GET", "/" + realm + "/audit?type=%00", null), 400);
  }

  @Test
  void auditWhenTypeIsOverlongUtf8Then400Problem() {
    assertProblem(Iam.admin("GET", "/" + realm + "/audit?type=%C0%80", null), 400);
  }

  @Test
  void adminWhenPathSegmentIsInvalidUtf8Then400Problem() {
    RawHttp.Reply reply =
        raw(
            new RawHttp.Request("GET", "/admin/realms/a%ED%A0%80b")
                .header("Authorization", bearer()));
    assertEquals(400, reply.status());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
  }

  @Test
  void jwksWhenPathSegmentIsOverlongUtf8Then400InOAuthVocabulary() {
    RawHttp.Reply reply = raw(new RawHttp.Request("GET", "/realms/a%C0%80b/oauth2/jwks"));
    assertEquals(400, reply.status());
    assertTrue(reply.body().contains("\"invalid_request\""), reply.body());
  }

  @Test
  void adminWhenHeaderHoldsNulThen400Problem() {
    RawHttp.Reply reply =
        raw(
            new RawHttp.Request("GET", "/admin/realms")
                .header("Authorization", bearer())
                .header("X-Test", "a\u0000b"));
    assertEquals(400, reply.status());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
  }

  @Test
  void tokenWhenHeaderHoldsEscapeCharacterThen400InOAuthVocabulary() {
    RawHttp.Reply reply =
        raw(
            new RawHttp.Request("POST", "/realms/" + realm + "/oauth2/token")
                .header("User-Agent", "\u001b[31mred")
                .body(
                    "application/x-www-form-urlencoded",
                    "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8)));
    assertEquals(400, reply.status());
    assertTrue(reply.body().contains("\"invalid_request\""), reply.body());
  }

  @Test
  void headerWhenTabOrObsTextThenAccepted() {
    RawHttp.Reply reply =
        raw(
            new RawHttp.Request("GET", "/realms/" + realm + "/oauth2/jwks")
                .header("User-Agent", "a\tb")
                .header("X-Name", "J\u00f6rg \u00e2\u0082\u00ac"));
    assertEquals(200, reply.status());
  }

  @Test
  void discoveryWhenHostHeaderIsNoAuthorityThen400NotA500() {
    RawHttp.Reply reply =
        raw(
            new RawHttp.Request("GET", "/realms/" + realm + "/.well-known/openid-configuration")
                .header("Host", "evil\"host"));
    assertEquals(400, reply.status());
    assertTrue(reply.body().contains("\"invalid_request\""), reply.body());
  }

  private static void assertProblem(Reply reply, int status) {
    assertEquals(status, reply.status(), reply.body());
    assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
    assertEquals((long) status, ((Number) reply.json().get("status")).longValue());
  }
}
