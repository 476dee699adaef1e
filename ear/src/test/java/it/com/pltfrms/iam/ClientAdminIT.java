package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin API for OAuth clients: CRUD, secret handling, validation, realm scoping. */
class ClientAdminIT {

  static String realm;

  @BeforeAll
  static void setUp() {
    realm = Iam.newRealm("clients");
  }

  @Test
  void createWhenValidThen201WithSecretShownOnce() {
    Reply created =
        Iam.admin(
            "POST",
            "/" + realm + "/clients",
            "{\"clientId\":\"billing\",\"type\":\"service\",\"allowedScopes\":[\"read\",\"write\"]}");
    assertEquals(201, created.status());
    assertEquals(
        Iam.BASE + "/admin/realms/" + realm + "/clients/billing", created.header("Location"));
    assertEquals("no-store", created.header("Cache-Control"));
    String secret = created.string("clientSecret");
    assertTrue(secret.length() >= 43, "256-bit secret");
    assertEquals(List.of("read", "write"), created.json().get("allowedScopes"));

    Reply fetched = Iam.admin("GET", "/" + realm + "/clients/billing", null);
    assertEquals(200, fetched.status());
    assertNull(fetched.json().get("clientSecret"));
    assertFalse(fetched.body().contains(secret));
    Reply listed = Iam.admin("GET", "/" + realm + "/clients", null);
    assertFalse(listed.body().contains(secret));
  }

  @Test
  void createWhenDuplicateThen409() {
    Iam.newClient(realm, "dupe", "[]", "[]");
    assertEquals(
        409, Iam.admin("POST", "/" + realm + "/clients", "{\"clientId\":\"dupe\"}").status());
  }

  @Test
  void createWhenSameClientIdInOtherRealmThenIndependent() {
    String other = Iam.newRealm("clients-b");
    String a = Iam.newClient(realm, "shared-name", "[]", "[]");
    String b = Iam.newClient(other, "shared-name", "[]", "[]");
    assertFalse(a.equals(b));
    assertEquals(204, Iam.admin("DELETE", "/" + other + "/clients/shared-name", null).status());
    assertEquals(200, Iam.admin("GET", "/" + realm + "/clients/shared-name", null).status());
  }

  @Test
  void createWhenInvalidThen400() {
    String path = "/" + realm + "/clients";
    assertEquals(400, Iam.admin("POST", path, "{}").status());
    assertEquals(400, Iam.admin("POST", path, "{\"clientId\":\"has space\"}").status());
    assertEquals(
        400, Iam.admin("POST", path, "{\"clientId\":\"" + "c".repeat(129) + "\"}").status());
    assertEquals(400, Iam.admin("POST", path, "{\"clientId\":\"x1\",\"type\":\"robot\"}").status());
    assertEquals(
        400, Iam.admin("POST", path, "{\"clientId\":\"x2\",\"type\":\"public\"}").status());
    assertEquals(
        400, Iam.admin("POST", path, "{\"clientId\":\"x3\",\"allowedScopes\":\"read\"}").status());
    assertEquals(
        400,
        Iam.admin("POST", path, "{\"clientId\":\"x4\",\"allowedScopes\":[\"bad\\\"scope\"]}")
            .status());
    assertEquals(
        400, Iam.admin("POST", path, "{\"clientId\":\"x5\",\"allowedScopes\":[1]}").status());
    assertEquals(
        400, Iam.admin("POST", path, "{\"clientId\":\"x6\",\"clientSecret\":\"mine\"}").status());
    assertEquals(400, Iam.admin("POST", path, "not json").status());
    // 100 scopes of 128 characters each pass one by one but not together (the column holds 2048)
    String longScopes =
        java.util.stream.IntStream.range(0, 100)
            .mapToObj(i -> "\"" + String.format("%03d", i) + "s".repeat(125) + "\"")
            .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    assertEquals(
        400,
        Iam.admin("POST", path, "{\"clientId\":\"x7\",\"allowedScopes\":" + longScopes + "}")
            .status());
    assertEquals(404, Iam.admin("GET", path + "/x7", null).status());
    assertEquals(404, Iam.admin("GET", path + "/x1", null).status());
  }

  @Test
  void createWhenRealmUnknownThen404() {
    assertEquals(404, Iam.admin("POST", "/no-such-realm/clients", "{\"clientId\":\"a\"}").status());
    assertEquals(404, Iam.admin("GET", "/no-such-realm/clients", null).status());
  }

  @Test
  void updateWhenValidThenChanged() {
    Iam.newClient(realm, "changing", "[\"a\"]", "[]");
    Reply reply =
        Iam.admin(
            "PATCH",
            "/" + realm + "/clients/changing",
            "{\"displayName\":\"Changing\",\"allowedScopes\":[\"a\",\"b\"],\"roles\":[\"reporter\"]}");
    assertEquals(200, reply.status());
    Reply fetched = Iam.admin("GET", "/" + realm + "/clients/changing", null);
    assertEquals("Changing", fetched.string("displayName"));
    assertEquals(List.of("a", "b"), fetched.json().get("allowedScopes"));
    assertEquals(List.of("reporter"), fetched.json().get("roles"));
    assertEquals(
        400,
        Iam.admin("PATCH", "/" + realm + "/clients/changing", "{\"clientId\":\"renamed\"}")
            .status());
    assertEquals(
        400, Iam.admin("PATCH", "/" + realm + "/clients/changing", "{\"enabled\":1}").status());
    assertEquals(
        404, Iam.admin("PATCH", "/" + realm + "/clients/missing", "{\"enabled\":true}").status());
  }

  @Test
  void deleteWhenExistsThenGoneAndTokensRefused() {
    String secret = Iam.newClient(realm, "doomed", "[]", "[]");
    assertEquals(204, Iam.admin("DELETE", "/" + realm + "/clients/doomed", null).status());
    assertEquals(404, Iam.admin("GET", "/" + realm + "/clients/doomed", null).status());
    assertEquals(404, Iam.admin("DELETE", "/" + realm + "/clients/doomed", null).status());
    Reply token =
        Iam.token(
            realm, Iam.params("grant_type", "client_credentials"), Iam.basic("doomed", secret));
    assertEquals(401, token.status());
  }

  @Test
  void rotateWhenUnknownClientThen404() {
    assertEquals(404, Iam.admin("POST", "/" + realm + "/clients/ghost/secret", null).status());
  }

  @Test
  void listWhenPagedThenTotalCounts() {
    String paged = Iam.newRealm("clients-page");
    for (int i = 0; i < 3; i++) {
      Iam.newClient(paged, "c" + i, "[]", "[]");
    }
    Reply page = Iam.admin("GET", "/" + paged + "/clients?offset=1&limit=1", null);
    assertEquals(200, page.status());
    assertEquals(1, page.items().size());
    assertEquals("c1", page.items().get(0).get("clientId"));
    assertEquals(3L, ((Number) page.json().get("total")).longValue());
  }
}
