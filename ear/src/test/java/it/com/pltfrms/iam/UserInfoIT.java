package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The UserInfo endpoint (OIDC Core §5.3) refusing what it must, by status and RFC 6750 §3 error: no
 * token (a bare challenge), a malformed header, a token two ways at once, a forged, foreign or
 * service token, a token without the openid scope.
 */
class UserInfoIT {

  static String realm;
  static String other;
  static String openidServiceToken;
  static String plainServiceToken;
  static String otherRealmToken;

  @BeforeAll
  static void setUp() {
    realm = Iam.newRealm("userinfo");
    other = Iam.newRealm("userinfo-other");
    String secret = Iam.newClient(realm, "svc", "[\"openid\",\"read\"]", "[]");
    openidServiceToken =
        Iam.token(
                realm,
                Iam.params("grant_type", "client_credentials", "scope", "openid"),
                Iam.basic("svc", secret))
            .string("access_token");
    plainServiceToken =
        Iam.token(
                realm,
                Iam.params("grant_type", "client_credentials", "scope", "read"),
                Iam.basic("svc", secret))
            .string("access_token");
    String otherSecret = Iam.newClient(other, "svc", "[\"openid\"]", "[]");
    otherRealmToken =
        Iam.token(
                other,
                Iam.params("grant_type", "client_credentials", "scope", "openid"),
                Iam.basic("svc", otherSecret))
            .string("access_token");
  }

  static String path() {
    return "/realms/" + realm + "/oauth2/userinfo";
  }

  static Reply get(String authorization) {
    HttpRequest.Builder request = Iam.request(path()).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return Iam.send(request.build());
  }

  static Reply post(String authorization, String form) {
    HttpRequest.Builder request =
        Iam.request(path())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return Iam.send(request.build());
  }

  static void assertError(Reply reply, int status, String error) {
    assertEquals(status, reply.status(), reply.body());
    assertEquals(error, reply.string("error"), reply.body());
    assertEquals("no-store", reply.header("Cache-Control"));
  }

  @Test
  void getWhenNoTokenThen401WithChallengeWithoutErrorCode() {
    for (Reply reply : List.of(get(null), get("Basic dXNlcjpwYXNz"), post(null, ""))) {
      assertEquals(401, reply.status(), reply.body());
      String challenge = reply.header("WWW-Authenticate");
      assertTrue(challenge.startsWith("Bearer"), challenge);
      assertFalse(challenge.contains("error="), challenge);
    }
  }

  @Test
  void getWhenMalformedHeaderThenInvalidRequest() {
    assertError(get("Bearer "), 400, "invalid_request");
    assertError(get("Bearer a b"), 400, "invalid_request");
  }

  @Test
  void getWhenTokenForgedOrGarbageThenInvalidTokenWithChallenge() {
    String[] parts = openidServiceToken.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + "AAAA";
    for (String token : List.of("garbage", forged, "a".repeat(5000))) {
      Reply reply = get("Bearer " + token);
      assertError(reply, 401, "invalid_token");
      assertTrue(reply.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    }
  }

  @Test
  void getWhenTokenOfAnotherRealmThenInvalidToken() {
    assertError(get("Bearer " + otherRealmToken), 401, "invalid_token");
  }

  @Test
  void getWhenServiceTokenWithOpenidThenInvalidTokenBecauseNoUser() {
    assertError(get("Bearer " + openidServiceToken), 401, "invalid_token");
  }

  @Test
  void getWhenTokenWithoutOpenidScopeThenInsufficientScope() {
    Reply reply = get("Bearer " + plainServiceToken);
    assertError(reply, 403, "insufficient_scope");
    assertTrue(reply.header("WWW-Authenticate").contains("insufficient_scope"));
  }

  @Test
  void postWhenTokenInHeaderAndBodyOrDuplicatedThenInvalidRequest() {
    assertError(
        post("Bearer " + openidServiceToken, "access_token=" + openidServiceToken),
        400,
        "invalid_request");
    assertError(post(null, "access_token=a&access_token=b"), 400, "invalid_request");
  }

  @Test
  void postWhenTokenInBodyThenCheckedAsInHeader() {
    assertError(post(null, "access_token=" + plainServiceToken), 403, "insufficient_scope");
  }

  @Test
  void getWhenRealmUnknownThen404() {
    assertEquals(404, Iam.get("/realms/no-such-realm-x/oauth2/userinfo").status());
  }
}
