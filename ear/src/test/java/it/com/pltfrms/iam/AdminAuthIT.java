package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import org.junit.jupiter.api.Test;

/** Who may call the admin API (RFC 6750 bearer tokens of system-realm admins only). */
class AdminAuthIT {

  @Test
  void adminWhenNoTokenThen401WithBearerChallenge() {
    Reply reply = Iam.adminAs(null, "GET", "", null);
    assertEquals(401, reply.status());
    assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer"));
    assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
    assertEquals(401L, ((Number) reply.json().get("status")).longValue());
  }

  @Test
  void adminWhenGarbageTokenThen401InvalidToken() {
    Reply reply = Iam.adminAs("not.a.jwt", "GET", "", null);
    assertEquals(401, reply.status());
    assertTrue(reply.header("WWW-Authenticate").contains("invalid_token"));
  }

  @Test
  void adminWhenTokenSignatureTamperedThen401() {
    String token = Iam.adminToken();
    String[] parts = token.split("\\.");
    String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    assertEquals(401, Iam.adminAs(tampered, "GET", "", null).status());
  }

  @Test
  void adminWhenTokenOfAnotherRealmWithAdminRoleThen403() {
    String realm = Iam.newRealm("other");
    String secret = Iam.newClient(realm, "impostor", "[]", "[\"admin\"]");
    String token = Iam.clientToken(realm, "impostor", secret);
    Reply reply = Iam.adminAs(token, "GET", "", null);
    assertEquals(403, reply.status());
  }

  @Test
  void adminWhenSystemTokenWithoutAdminRoleThen403() {
    String clientId = "reader-" + System.nanoTime();
    String secret = Iam.newClient("system", clientId, "[]", "[]");
    String token = Iam.clientToken("system", clientId, secret);
    assertEquals(403, Iam.adminAs(token, "GET", "", null).status());
    assertEquals(204, Iam.admin("DELETE", "/system/clients/" + clientId, null).status());
  }

  @Test
  void adminWhenWrongSchemeThen401() {
    Reply reply =
        Iam.send(
            Iam.request("/admin/realms")
                .header("Authorization", Iam.basic("iam-admin", Iam.ADMIN_SECRET))
                .GET()
                .build());
    assertEquals(401, reply.status());
  }

  @Test
  void adminWhenAdminClientTokenThen200() {
    assertEquals(200, Iam.admin("GET", "", null).status());
  }
}
