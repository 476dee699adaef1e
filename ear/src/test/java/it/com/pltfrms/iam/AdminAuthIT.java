package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

/**
 * Who may call the admin API: RFC 6750 bearer tokens for the admin API's audience, issued by the
 * system realm to a principal that exists, is enabled and holds the admin role now.
 */
class AdminAuthIT {

  private static final String ADMIN_AUDIENCE = "urn:pltfrms:iam:admin";

  /** A system-realm client with the admin role and scope; returns its secret. */
  static String newAdminClient(String clientId) {
    return Iam.newClient("system", clientId, "[\"admin\"]", "[\"admin\"]");
  }

  private static void assertChallenge(Reply reply, int status, String error) {
    assertEquals(status, reply.status(), reply.body());
    String challenge = reply.header("WWW-Authenticate");
    assertTrue(challenge != null && challenge.startsWith("Bearer realm=\"admin\""), challenge);
    if (error == null) {
      assertFalse(challenge.contains("error="), challenge);
    } else {
      assertTrue(challenge.contains("error=\"" + error + "\""), challenge);
    }
    assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
    assertEquals((long) status, ((Number) reply.json().get("status")).longValue());
  }

  private static Reply withAuthorization(String path, String authorization) {
    return Iam.send(
        Iam.request("/admin/realms" + path).header("Authorization", authorization).GET().build());
  }

  @Test
  void adminWhenNoTokenThen401WithBareBearerChallenge() {
    assertChallenge(Iam.adminAs(null, "GET", "", null), 401, null);
  }

  @Test
  void adminWhenUnknownPathAndNoTokenThen401NotA404() {
    assertChallenge(Iam.send(Iam.request("/admin/no-such-resource").GET().build()), 401, null);
  }

  @Test
  void adminWhenWrongSchemeThen401WithoutErrorCode() {
    assertChallenge(withAuthorization("", Iam.basic("iam-admin", Iam.ADMIN_SECRET)), 401, null);
  }

  @Test
  void adminWhenBearerWithoutTokenThen400InvalidRequest() {
    assertChallenge(withAuthorization("", "Bearer "), 400, "invalid_request");
    assertChallenge(withAuthorization("", "Bearer a b"), 400, "invalid_request");
  }

  @Test
  void adminWhenGarbageTokenThen401InvalidToken() {
    assertChallenge(Iam.adminAs("not.a.jwt", "GET", "", null), 401, "invalid_token");
  }

  @Test
  void adminWhenTokenSignatureTamperedThen401InvalidToken() {
    String[] parts = Iam.adminToken().split("\\.");
    String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    assertChallenge(Iam.adminAs(tampered, "GET", "", null), 401, "invalid_token");
  }

  @Test
  void adminTokenWhenIssuedThenCarriesAdminAudienceAndClientIdNotAsSubject() throws Exception {
    JwtClaims claims =
        new JwtConsumerBuilder()
            .setSkipAllValidators()
            .setSkipSignatureVerification()
            .build()
            .processToClaims(Iam.adminToken());
    assertTrue(claims.getAudience().contains(ADMIN_AUDIENCE), claims.getAudience().toString());
    assertEquals("iam-admin", claims.getStringClaimValue("client_id"));
    assertTrue(claims.getSubject().matches("[0-9a-f-]{36}"), claims.getSubject());
    assertTrue(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue() <= 300);
  }

  @Test
  void adminWhenTokenOfAnotherRealmWithAdminRoleThen403InsufficientScope() {
    // A realm's own tokens open the admin API for its delegated administrators (DelegatedAdminIT);
    // a role named "admin" outside the system realm is no administration role at all.
    String realm = Iam.newRealm("other");
    String secret = Iam.newClient(realm, "impostor", "[\"admin\"]", "[\"admin\"]");
    String token = Iam.clientToken(realm, "impostor", secret);
    assertChallenge(Iam.adminAs(token, "GET", "", null), 403, "insufficient_scope");
    assertChallenge(Iam.adminAs(token, "GET", "/system/clients", null), 403, "insufficient_scope");
  }

  @Test
  void adminWhenSystemTokenWithoutAdminAudienceThen401InvalidToken() {
    String clientId = "no-audience-" + System.nanoTime();
    String secret = Iam.newClient("system", clientId, "[\"admin\",\"other\"]", "[\"admin\"]");
    Reply issued =
        Iam.token(
            "system",
            Iam.params("grant_type", "client_credentials", "scope", "other"),
            Iam.basic(clientId, secret));
    assertEquals(200, issued.status());
    assertChallenge(
        Iam.adminAs(issued.string("access_token"), "GET", "", null), 401, "invalid_token");
    assertEquals(204, Iam.admin("DELETE", "/system/clients/" + clientId, null).status());
  }

  @Test
  void adminWhenSystemTokenWithoutAdminRoleThen403InsufficientScope() {
    String clientId = "reader-" + System.nanoTime();
    String secret = Iam.newClient("system", clientId, "[\"admin\"]", "[]");
    String token = Iam.clientToken("system", clientId, secret);
    assertChallenge(Iam.adminAs(token, "GET", "", null), 403, "insufficient_scope");
    assertEquals(204, Iam.admin("DELETE", "/system/clients/" + clientId, null).status());
  }

  @Test
  void adminWhenAdminClientTokenThen200() {
    assertEquals(200, Iam.admin("GET", "", null).status());
  }

  @Test
  void adminWhenClientDisabledThenItsTokenStopsAtOnceAndWorksAgainWhenReenabled() {
    String clientId = "second-admin-" + System.nanoTime();
    String token = Iam.clientToken("system", clientId, newAdminClient(clientId));
    assertEquals(200, Iam.adminAs(token, "GET", "", null).status());

    String path = "/system/clients/" + clientId;
    assertEquals(200, Iam.admin("PATCH", path, "{\"enabled\":false}").status());
    assertChallenge(Iam.adminAs(token, "GET", "", null), 401, "invalid_token");

    assertEquals(200, Iam.admin("PATCH", path, "{\"enabled\":true}").status());
    assertEquals(200, Iam.adminAs(token, "GET", "", null).status());
    assertEquals(204, Iam.admin("DELETE", path, null).status());
  }

  @Test
  void adminWhenRoleRemovedThenItsToken403AtOnce() {
    String clientId = "derolled-admin-" + System.nanoTime();
    String token = Iam.clientToken("system", clientId, newAdminClient(clientId));
    assertEquals(200, Iam.adminAs(token, "GET", "", null).status());

    String path = "/system/clients/" + clientId;
    assertEquals(200, Iam.admin("PATCH", path, "{\"roles\":[]}").status());
    assertChallenge(Iam.adminAs(token, "GET", "", null), 403, "insufficient_scope");
    assertEquals(204, Iam.admin("DELETE", path, null).status());
  }

  @Test
  void adminWhenClientDeletedThenItsToken401AtOnce() {
    String clientId = "deleted-admin-" + System.nanoTime();
    String token = Iam.clientToken("system", clientId, newAdminClient(clientId));
    assertEquals(200, Iam.adminAs(token, "GET", "", null).status());
    assertEquals(204, Iam.admin("DELETE", "/system/clients/" + clientId, null).status());
    assertChallenge(Iam.adminAs(token, "GET", "", null), 401, "invalid_token");
  }

  @Test
  void adminWhenClientRecreatedWithSameClientIdThenOldTokenStillRefused() {
    String clientId = "reborn-admin-" + System.nanoTime();
    String old = Iam.clientToken("system", clientId, newAdminClient(clientId));
    String path = "/system/clients/" + clientId;
    assertEquals(204, Iam.admin("DELETE", path, null).status());
    newAdminClient(clientId); // same name, new stable id
    assertChallenge(Iam.adminAs(old, "GET", "", null), 401, "invalid_token");
    assertEquals(204, Iam.admin("DELETE", path, null).status());
  }

  @Test
  void lastAdminWhenDisabledDeletedOrDerolledThen409() {
    String clientId = "last-admin-" + System.nanoTime();
    String token = Iam.clientToken("system", clientId, newAdminClient(clientId));
    List<Map<String, Object>> others =
        Iam.admin("GET", "/system/clients?limit=200", null).items().stream()
            .filter(c -> Boolean.TRUE.equals(c.get("enabled")))
            .filter(c -> ((List<?>) c.get("roles")).contains("admin"))
            .filter(c -> !List.of("iam-admin", clientId).contains(c.get("clientId")))
            .toList();
    assertEquals(List.of(), others, "this test needs iam-admin and its own admin only");
    String self = "/system/clients/" + clientId;
    String bootstrap = "/system/clients/iam-admin";
    assertEquals(200, Iam.adminAs(token, "PATCH", bootstrap, "{\"enabled\":false}").status());
    try {
      assertEquals(409, Iam.adminAs(token, "PATCH", self, "{\"enabled\":false}").status());
      assertEquals(409, Iam.adminAs(token, "PATCH", self, "{\"roles\":[\"ops\"]}").status());
      assertEquals(409, Iam.adminAs(token, "DELETE", self, null).status());
      Reply still = Iam.adminAs(token, "GET", self, null);
      assertEquals(200, still.status(), "nothing changed");
      assertEquals(Boolean.TRUE, still.json().get("enabled"));
    } finally {
      assertEquals(200, Iam.adminAs(token, "PATCH", bootstrap, "{\"enabled\":true}").status());
    }
    assertEquals(204, Iam.admin("DELETE", self, null).status());
  }

  @Test
  void adminWhenTokenFetchedThroughOneHostThenAcceptedThroughAnother() {
    URI base = URI.create(Iam.BASE);
    String other =
        base.getScheme()
            + "://"
            + ("localhost".equals(base.getHost()) ? "127.0.0.1" : "localhost")
            + ":"
            + base.getPort();
    Reply reply =
        Iam.send(
            HttpRequest.newBuilder(URI.create(other + "/admin/realms"))
                .header("Authorization", "Bearer " + Iam.adminToken())
                .GET()
                .build());
    assertEquals(200, reply.status(), reply.body());
  }
}
