package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin API for realms: CRUD, validation, paging, RFC 9457 errors. */
class RealmAdminIT {

  @Test
  void createWhenValidThen201WithLocationAndIssuer() {
    String name = "acme-" + UUID.randomUUID().toString().substring(0, 8);
    Reply reply = Iam.admin("POST", "", "{\"name\":\"" + name + "\",\"displayName\":\"Acme\"}");
    assertEquals(201, reply.status());
    assertEquals(Iam.BASE + "/admin/realms/" + name, reply.header("Location"));
    assertEquals(name, reply.string("name"));
    assertEquals("Acme", reply.string("displayName"));
    assertEquals(Boolean.TRUE, reply.json().get("enabled"));
    assertEquals(Iam.BASE + "/realms/" + name, reply.string("issuer"));
    assertEquals(200, Iam.admin("GET", "/" + name, null).status());
  }

  @Test
  void createWhenDuplicateThen409AndNothingChanged() {
    String name = Iam.newRealm("dup");
    Reply reply = Iam.admin("POST", "", "{\"name\":\"" + name + "\",\"displayName\":\"Other\"}");
    assertEquals(409, reply.status());
    assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
    assertEquals("dup", Iam.admin("GET", "/" + name, null).string("displayName"));
  }

  @Test
  void createWhenNameInvalidThen400() {
    for (String bad :
        new String[] {"Acme", "-acme", "a/b", "a b", "x".repeat(64), "", "ünï", "a.b"}) {
      Reply reply = Iam.admin("POST", "", "{\"name\":\"" + bad + "\"}");
      assertEquals(400, reply.status(), "name '" + bad + "'");
      assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
    }
  }

  @Test
  void createWhenNameReservedThen400() {
    for (String reserved : new String[] {"system", "admin", "master"}) {
      assertEquals(
          400, Iam.admin("POST", "", "{\"name\":\"" + reserved + "\"}").status(), reserved);
    }
  }

  @Test
  void createWhenBodyMalformedThen400() {
    assertEquals(400, Iam.admin("POST", "", "{\"name\":").status());
    assertEquals(400, Iam.admin("POST", "", "[]").status());
    assertEquals(400, Iam.admin("POST", "", "").status());
    assertEquals(400, Iam.admin("POST", "", "{}").status());
    assertEquals(400, Iam.admin("POST", "", "{\"name\":42}").status());
    assertEquals(400, Iam.admin("POST", "", "{\"name\":\"a1\",\"name\":\"a2\"}").status());
    assertEquals(400, Iam.admin("POST", "", "{\"name\":\"ok-name\",\"colour\":\"red\"}").status());
    Reply notJson =
        Iam.send(
            Iam.request("/admin/realms")
                .header("Authorization", "Bearer " + Iam.adminToken())
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"plain\"}"))
                .build());
    assertEquals(415, notJson.status());
    assertTrue(notJson.header("Content-Type").startsWith("application/problem+json"));
    String huge = "{\"name\":\"big\",\"displayName\":\"" + "x".repeat(70_000) + "\"}";
    assertEquals(413, Iam.admin("POST", "", huge).status());
  }

  @Test
  void updateWhenValidThenChangedAndWhenInvalidThen400() {
    String name = Iam.newRealm("upd");
    Reply updated =
        Iam.admin(
            "PATCH",
            "/" + name,
            "{\"displayName\":\"Renamed\",\"accessTokenLifetimeSeconds\":600,\"enabled\":false}");
    assertEquals(200, updated.status());
    Map<String, Object> realm = Iam.admin("GET", "/" + name, null).json();
    assertEquals("Renamed", realm.get("displayName"));
    assertEquals(600L, ((Number) realm.get("accessTokenLifetimeSeconds")).longValue());
    assertEquals(Boolean.FALSE, realm.get("enabled"));

    assertEquals(
        400, Iam.admin("PATCH", "/" + name, "{\"accessTokenLifetimeSeconds\":5}").status());
    assertEquals(
        400, Iam.admin("PATCH", "/" + name, "{\"accessTokenLifetimeSeconds\":\"600\"}").status());
    assertEquals(400, Iam.admin("PATCH", "/" + name, "{\"enabled\":\"yes\"}").status());
    assertEquals(400, Iam.admin("PATCH", "/" + name, "{\"displayName\":\"\"}").status());
    assertEquals(400, Iam.admin("PATCH", "/" + name, "{\"name\":\"other\"}").status());
    assertEquals("Renamed", Iam.admin("GET", "/" + name, null).string("displayName"));
  }

  @Test
  void accessTokenLifetimeWhenChangedThenTokensUseIt() {
    String name = Iam.newRealm("life");
    String secret = Iam.newClient(name, "svc", "[]", "[]");
    assertEquals(
        200, Iam.admin("PATCH", "/" + name, "{\"accessTokenLifetimeSeconds\":120}").status());
    Reply token =
        Iam.token(name, Iam.params("grant_type", "client_credentials"), Iam.basic("svc", secret));
    assertEquals(120L, ((Number) token.json().get("expires_in")).longValue());
  }

  @Test
  void getWhenUnknownThen404() {
    assertEquals(404, Iam.admin("GET", "/no-such-realm", null).status());
    assertEquals(404, Iam.admin("PATCH", "/no-such-realm", "{\"displayName\":\"x\"}").status());
    assertEquals(404, Iam.admin("DELETE", "/no-such-realm", null).status());
    assertEquals(404, Iam.admin("GET", "/NOT%20VALID", null).status());
  }

  @Test
  void deleteWhenRealmExistsThenGoneAndItsEndpointsToo() {
    String name = Iam.newRealm("del");
    assertEquals(204, Iam.admin("DELETE", "/" + name, null).status());
    assertEquals(404, Iam.admin("GET", "/" + name, null).status());
    assertEquals(404, Iam.get("/realms/" + name + "/oauth2/jwks").status());
  }

  @Test
  void deleteWhenSystemRealmThen409() {
    assertEquals(409, Iam.admin("DELETE", "/system", null).status());
    assertEquals(409, Iam.admin("PATCH", "/system", "{\"enabled\":false}").status());
  }

  @Test
  void listWhenPagedThenOffsetLimitAndTotal() {
    for (int i = 0; i < 3; i++) {
      Iam.newRealm("page");
    }
    Reply first = Iam.admin("GET", "?offset=0&limit=2", null);
    assertEquals(200, first.status());
    assertEquals(2, first.items().size());
    long total = ((Number) first.json().get("total")).longValue();
    assertTrue(total >= 4);
    Reply next = Iam.admin("GET", "?offset=2&limit=2", null);
    assertFalse(first.items().get(0).get("name").equals(next.items().get(0).get("name")));
    Reply beyond = Iam.admin("GET", "?offset=" + total + "&limit=2", null);
    assertEquals(0, beyond.items().size());

    assertEquals(400, Iam.admin("GET", "?limit=0", null).status());
    assertEquals(400, Iam.admin("GET", "?limit=1000", null).status());
    assertEquals(400, Iam.admin("GET", "?offset=-1", null).status());
    assertEquals(400, Iam.admin("GET", "?limit=ten", null).status());
  }
}
