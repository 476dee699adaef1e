package it.com.pltfrms.iam;

import static it.com.pltfrms.iam.AccessFixtures.count;
import static it.com.pltfrms.iam.AccessFixtures.ifMatch;
import static it.com.pltfrms.iam.AccessFixtures.newUser;
import static it.com.pltfrms.iam.AccessFixtures.ok;
import static it.com.pltfrms.iam.GroupsAdminIT.race;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Realm roles, client roles, composites, permissions and mappings over the admin API. */
class RolesAdminIT {

  static String realm;
  static String other;

  @BeforeAll
  static void setUp() {
    realm = Iam.newRealm("roles");
    other = Iam.newRealm("roles-other");
    Iam.newClient(realm, "shop", "[]", "[]");
    Iam.newClient(other, "foreign", "[]", "[]");
    ok(
        Iam.admin(
            "POST",
            "/" + realm + "/permissions",
            "{\"name\":\"orders:read\",\"description\":\"Read orders\"}"));
  }

  private static String roles() {
    return "/" + realm + "/roles";
  }

  private static long roleRows() {
    return count(
        "SELECT count(*) FROM iam_role x JOIN realm r ON r.id = x.realm_id WHERE r.name = ?",
        realm);
  }

  @Test
  void createWhenCompositesAndPermissionsThen201WithThem() {
    ok(Iam.admin("POST", roles(), "{\"name\":\"base\"}"));
    Reply created =
        Iam.admin(
            "POST",
            roles(),
            "{\"name\":\"clerk\",\"description\":\"Counter clerk\",\"composites\":[\"base\"],"
                + "\"permissions\":[\"orders:read\"]}");
    assertEquals(201, created.status(), created.body());
    assertEquals(Iam.BASE + "/admin/realms" + roles() + "/clerk", created.header("Location"));
    assertNotNull(created.header("ETag"));
    assertEquals(List.of("base"), created.json().get("composites"));
    assertEquals(List.of("orders:read"), created.json().get("permissions"));
    Reply fetched = Iam.admin("GET", roles() + "/clerk", null);
    assertEquals("Counter clerk", fetched.string("description"));
    assertEquals(created.header("ETag"), fetched.header("ETag"));
  }

  @Test
  void createWhenNameTakenThen409() {
    ok(Iam.admin("POST", roles(), "{\"name\":\"twice\"}"));
    assertEquals(409, Iam.admin("POST", roles(), "{\"name\":\"twice\"}").status());
    assertEquals(409, Iam.admin("POST", roles(), "{\"name\":\"realm-admin\"}").status());
  }

  @Test
  void patchWhenCompositeCycleThen409AndUnchanged() {
    ok(Iam.admin("POST", roles(), "{\"name\":\"cyc-c\"}"));
    ok(Iam.admin("POST", roles(), "{\"name\":\"cyc-b\",\"composites\":[\"cyc-c\"]}"));
    ok(Iam.admin("POST", roles(), "{\"name\":\"cyc-a\",\"composites\":[\"cyc-b\"]}"));
    assertEquals(
        409, Iam.admin("PATCH", roles() + "/cyc-c", "{\"composites\":[\"cyc-a\"]}").status());
    assertEquals(
        409, Iam.admin("PATCH", roles() + "/cyc-c", "{\"composites\":[\"cyc-c\"]}").status());
    assertEquals(List.of(), Iam.admin("GET", roles() + "/cyc-c", null).json().get("composites"));
  }

  @Test
  void concurrentPatchesWhenTogetherTheyCycleThenOne409() throws Exception {
    ok(Iam.admin("POST", roles(), "{\"name\":\"race-x\"}"));
    ok(Iam.admin("POST", roles(), "{\"name\":\"race-y\"}"));
    List<Integer> statuses =
        race(
            () -> Iam.admin("PATCH", roles() + "/race-x", "{\"composites\":[\"race-y\"]}").status(),
            () ->
                Iam.admin("PATCH", roles() + "/race-y", "{\"composites\":[\"race-x\"]}").status());
    assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
  }

  @Test
  void clientRoleWhenCreatedThenReferencedAsClientIdColonRole() {
    Reply created =
        Iam.admin("POST", "/" + realm + "/clients/shop/roles", "{\"name\":\"cashier\"}");
    assertEquals(201, created.status(), created.body());
    assertEquals("shop:cashier", created.string("reference"));
    assertEquals("shop", created.string("clientId"));
    ok(Iam.admin("POST", roles(), "{\"name\":\"till\",\"composites\":[\"shop:cashier\"]}"));
    assertEquals(
        List.of("shop:cashier"),
        Iam.admin("GET", roles() + "/till", null).json().get("composites"));
    String user = newUser(realm, "cashier-user");
    assertEquals(
        204,
        Iam.admin("PUT", "/" + realm + "/users/" + user + "/roles/shop:cashier", null).status());
    assertEquals(
        List.of("shop:cashier"),
        Iam.admin("GET", "/" + realm + "/users/" + user + "/roles", null).json().get("roles"));
  }

  @Test
  void clientRoleWhenClientOfAnotherRealmThen404() {
    assertEquals(
        404,
        Iam.admin("POST", "/" + realm + "/clients/foreign/roles", "{\"name\":\"x\"}").status());
    assertEquals(404, Iam.admin("GET", "/" + realm + "/clients/foreign/roles", null).status());
    assertEquals(
        400,
        Iam.admin("POST", roles(), "{\"name\":\"y\",\"composites\":[\"foreign:x\"]}").status());
  }

  @Test
  void deleteWhenBuiltInThen409() {
    assertEquals(409, Iam.admin("DELETE", roles() + "/realm-admin", null).status());
    assertEquals(409, Iam.admin("DELETE", "/system/roles/admin", null).status());
  }

  @Test
  void updateWhenStaleIfMatchThen412() {
    ok(Iam.admin("POST", roles(), "{\"name\":\"etagged\"}"));
    String etag = Iam.admin("GET", roles() + "/etagged", null).header("ETag");
    ok(Iam.admin("PATCH", roles() + "/etagged", "{\"description\":\"one\"}", ifMatch(etag)));
    assertEquals(
        412,
        Iam.admin("PATCH", roles() + "/etagged", "{\"description\":\"two\"}", ifMatch(etag))
            .status());
    assertEquals(412, Iam.admin("DELETE", roles() + "/etagged", null, ifMatch(etag)).status());
  }

  @Test
  void createWhenBadInputThen400AndNothingWritten() {
    long before = roleRows();
    for (String body :
        List.of(
            "{",
            "{\"name\":1}",
            "{\"name\":\"a:b\"}",
            "{\"name\":\"" + "r".repeat(65) + "\"}",
            "{\"name\":\"sp ace\"}",
            "{\"name\":\"ok\",\"description\":\"" + "d".repeat(256) + "\"}",
            "{\"name\":\"ok\",\"composites\":\"base\"}",
            "{\"name\":\"ok\",\"composites\":[\"no-such-role\"]}",
            "{\"name\":\"ok\",\"permissions\":[\"no:such\"]}",
            "{\"name\":\"ok\",\"extra\":true}",
            "{\"name\":\"ok\",\"name\":\"ok2\"}",
            "{\"name\":\"ctl\\u0000\"}")) {
      Reply reply = Iam.admin("POST", roles(), body);
      assertEquals(400, reply.status(), body + " → " + reply.body());
    }
    assertEquals(before, roleRows());
  }

  @Test
  void permissionsWhenCrudThenEtagsAndOwner() {
    Reply created =
        Iam.admin(
            "POST",
            "/" + realm + "/permissions",
            "{\"name\":\"shop:refund\",\"clientId\":\"shop\"}");
    assertEquals(201, created.status(), created.body());
    assertEquals("shop", created.string("clientId"));
    assertEquals(
        409,
        Iam.admin("POST", "/" + realm + "/permissions", "{\"name\":\"shop:refund\"}").status());
    assertEquals(
        404,
        Iam.admin("POST", "/" + realm + "/permissions", "{\"name\":\"p\",\"clientId\":\"foreign\"}")
            .status());
    assertEquals(
        400, Iam.admin("POST", "/" + realm + "/permissions", "{\"name\":\"bad name\"}").status());
    String etag = created.header("ETag");
    ok(
        Iam.admin(
            "PATCH",
            "/" + realm + "/permissions/shop:refund",
            "{\"description\":\"Refunds\"}",
            ifMatch(etag)));
    assertEquals(
        412,
        Iam.admin(
                "PATCH",
                "/" + realm + "/permissions/shop:refund",
                "{\"description\":\"x\"}",
                ifMatch(etag))
            .status());
    assertEquals(
        400,
        Iam.admin("PATCH", "/" + realm + "/permissions/shop:refund", "{\"name\":\"renamed\"}")
            .status());
    assertEquals(204, Iam.admin("DELETE", "/" + realm + "/permissions/shop:refund", null).status());
    assertEquals(404, Iam.admin("GET", "/" + realm + "/permissions/shop:refund", null).status());
  }

  @Test
  void mappingsWhenUnknownRoleOrNotMappedThen404() {
    String user = newUser(realm, "mapping-user");
    assertEquals(
        404, Iam.admin("PUT", "/" + realm + "/users/" + user + "/roles/no-such", null).status());
    assertEquals(
        404,
        Iam.admin("DELETE", "/" + realm + "/users/" + user + "/roles/view-users", null).status());
    String stranger = newUser(other, "stranger");
    assertEquals(
        404,
        Iam.admin("PUT", "/" + realm + "/users/" + stranger + "/roles/view-users", null).status());
  }

  @Test
  void clientRolesFieldWhenSetThenServiceAccountMappings() {
    Iam.newClient(realm, "legacy", "[]", "[\"legacy-word\"]");
    Reply mapped = Iam.admin("GET", "/" + realm + "/clients/legacy/service-account/roles", null);
    assertEquals(List.of("legacy-word"), mapped.json().get("roles"));
    ok(Iam.admin("PUT", "/" + realm + "/clients/legacy/service-account/roles/view-audit", null));
    List<?> roles =
        (List<?>) Iam.admin("GET", "/" + realm + "/clients/legacy", null).json().get("roles");
    assertTrue(roles.contains("view-audit") && roles.contains("legacy-word"), roles.toString());
  }

  @Test
  void lastSystemAdminWhenUnmappedThen409() {
    // only meaningful while iam-admin is the one enabled admin (other ITs add system admins)
    long admins =
        count(
            "SELECT count(*) FROM client_role m JOIN oauth_client c ON c.id = m.client_id"
                + " JOIN iam_role r ON r.id = m.role_id JOIN realm x ON x.id = r.realm_id"
                + " WHERE x.name = 'system' AND r.name = 'admin' AND r.client_id IS NULL"
                + " AND c.enabled");
    org.junit.jupiter.api.Assumptions.assumeTrue(admins == 1, "another admin exists");
    assertEquals(
        409,
        Iam.admin("DELETE", "/system/clients/iam-admin/service-account/roles/admin", null)
            .status());
  }

  @Test
  void changesWhenMadeThenAudited() {
    ok(Iam.admin("POST", roles(), "{\"name\":\"audited\"}"));
    Reply audit = Iam.admin("GET", "/" + realm + "/audit?type=ROLE_CREATED", null);
    assertTrue(
        audit.items().stream().anyMatch(e -> "audited".equals(e.get("target"))), audit.body());
  }
}
