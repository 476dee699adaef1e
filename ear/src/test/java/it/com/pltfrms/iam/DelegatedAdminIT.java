package it.com.pltfrms.iam;

import static it.com.pltfrms.iam.AccessFixtures.newUser;
import static it.com.pltfrms.iam.AccessFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import it.com.pltfrms.iam.Iam.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Delegated realm administration: service clients of a realm holding its built-in roles call
 * exactly their parts of {@code /admin/realms/{realm}/…}, nothing of another realm (403), see only
 * their realm in the list, and cannot grant what they do not hold. The same gate decides for users
 * ({@link UserDelegationIT} signs them in and checks their boundaries).
 */
class DelegatedAdminIT {

  static String realm;
  static String other;
  static String alice;
  static final Map<String, String> tokens = new LinkedHashMap<>();

  static final List<String> ROLES =
      List.of(
          "realm-admin",
          "manage-users",
          "view-users",
          "manage-groups",
          "manage-clients",
          "view-audit",
          "none");

  @BeforeAll
  static void setUp() {
    realm = Iam.newRealm("delegated");
    other = Iam.newRealm("delegated-other");
    alice = newUser(realm, "alice");
    ok(Iam.admin("POST", "/" + realm + "/roles", "{\"name\":\"viewer\"}"));
    for (String role : ROLES) {
      String roles = role.equals("none") ? "[\"viewer\"]" : "[\"" + role + "\"]";
      String secret = Iam.newClient(realm, "as-" + role, "[\"admin\"]", roles);
      tokens.put(role, Iam.clientToken(realm, "as-" + role, secret));
    }
  }

  private static Reply as(String role, String method, String path, String json) {
    return Iam.adminAs(tokens.get(role), method, path, json);
  }

  /** Whether the gate let the request through (its answer is the resource's, not 401/403). */
  private static boolean passed(Reply reply) {
    return reply.status() != 401 && reply.status() != 403;
  }

  private record Call(String family, String method, String path, String json) {}

  private static List<Call> calls() {
    String r = "/" + realm;
    return List.of(
        new Call("users-read", "GET", r + "/users/" + alice + "/roles", null),
        new Call("users-write", "PUT", r + "/users/" + alice + "/roles/no-such-role", null),
        new Call("groups-read", "GET", r + "/groups", null),
        new Call("groups-write", "POST", r + "/groups", "{\"name\":\"\"}"),
        new Call("clients-read", "GET", r + "/clients", null),
        new Call("clients-write", "POST", r + "/clients", "{}"),
        new Call("roles-read", "GET", r + "/roles", null),
        new Call("roles-write", "POST", r + "/roles", "{}"),
        new Call("permissions-write", "POST", r + "/permissions", "{}"),
        new Call("audit-read", "GET", r + "/audit", null),
        new Call("keys-read", "GET", r + "/keys", null),
        new Call("realm-read", "GET", r, null),
        new Call("realm-write", "PATCH", r, "{}"),
        new Call("realm-delete", "DELETE", r + "?dry=1", null));
  }

  /** What each role opens; everything else is 403. */
  private static final Map<String, Set<String>> OPENS =
      Map.of(
          "realm-admin",
          Set.of(
              "users-read",
              "users-write",
              "groups-read",
              "groups-write",
              "clients-read",
              "clients-write",
              "roles-read",
              "roles-write",
              "permissions-write",
              "audit-read",
              "keys-read",
              "realm-read",
              "realm-write"),
          "manage-users",
          Set.of("users-read", "users-write", "groups-read", "roles-read", "realm-read"),
          "view-users",
          Set.of("users-read", "groups-read", "roles-read", "realm-read"),
          "manage-groups",
          Set.of("groups-read", "groups-write", "roles-read", "realm-read"),
          "manage-clients",
          Set.of("clients-read", "clients-write", "roles-read", "realm-read"),
          "view-audit",
          Set.of("audit-read", "realm-read"),
          "none",
          Set.of());

  @Test
  void eachRoleAgainstEachFamilyThenExactlyItsParts() {
    List<String> wrong = new ArrayList<>();
    for (String role : ROLES) {
      for (Call call : calls()) {
        Reply reply = as(role, call.method(), call.path(), call.json());
        boolean expected = OPENS.get(role).contains(call.family());
        if (passed(reply) != expected || (!expected && reply.status() != 403)) {
          wrong.add(role + " " + call.family() + " → " + reply.status());
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void anotherRealmWhenRealmAdminThen403Everywhere() {
    for (String path :
        List.of(
            "/" + other,
            "/" + other + "/clients",
            "/" + other + "/roles",
            "/" + other + "/groups")) {
      assertEquals(403, as("realm-admin", "GET", path, null).status(), path);
    }
    assertEquals(403, as("realm-admin", "DELETE", "/" + other, null).status());
  }

  @Test
  void exportWhenRealmAdminThenItsOwnRealmOnly() {
    assertEquals(200, as("realm-admin", "GET", "/" + realm + "/export", null).status());
    assertEquals(403, as("realm-admin", "GET", "/" + other + "/export", null).status());
    for (String role : ROLES) {
      if (!role.equals("realm-admin")) {
        assertEquals(403, as(role, "GET", "/" + realm + "/export", null).status(), role);
      }
    }
  }

  @Test
  void importWhenRealmAdminThen403() {
    String name = "delegated-import-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    assertEquals(
        403, as("realm-admin", "POST", "/import?name=" + name, "{\"displayName\":\"x\"}").status());
    assertEquals(404, Iam.admin("GET", "/" + name, null).status());
  }

  @Test
  void serverWideWhenRealmAdminThen403() {
    assertEquals(403, as("realm-admin", "POST", "", "{\"name\":\"x\"}").status());
    Reply masterKey =
        Iam.send(
            Iam.request("/admin/master-key")
                .header("Authorization", "Bearer " + tokens.get("realm-admin"))
                .GET()
                .build());
    assertEquals(403, masterKey.status());
  }

  @Test
  void realmListWhenDelegatedThenOnlyOwnRealm() {
    Reply list = as("view-audit", "GET", "", null);
    assertEquals(200, list.status());
    assertEquals(List.of(realm), list.items().stream().map(i -> i.get("name")).toList());
    assertEquals(1L, ((Number) list.json().get("total")).longValue());
  }

  @Test
  void grantWhenManageUsersAndRoleNotHeldThen403() {
    String path = "/" + realm + "/users/" + alice + "/roles/";
    assertEquals(403, as("manage-users", "PUT", path + "realm-admin", null).status());
    assertEquals(403, as("manage-users", "PUT", path + "viewer", null).status());
    assertEquals(204, as("manage-users", "PUT", path + "manage-users", null).status());
    Reply mapped = Iam.admin("GET", "/" + realm + "/users/" + alice + "/roles", null);
    assertEquals(List.of("manage-users"), mapped.json().get("roles"));
  }

  @Test
  void grantWhenManageClientsGivesItselfRealmAdminThen403() {
    String self = "/" + realm + "/clients/as-manage-clients";
    assertEquals(
        403,
        as("manage-clients", "PUT", self + "/service-account/roles/realm-admin", null).status());
    assertEquals(
        403,
        as("manage-clients", "PATCH", self, "{\"roles\":[\"manage-clients\",\"realm-admin\"]}")
            .status());
    assertEquals(
        403,
        as(
                "manage-clients",
                "POST",
                "/" + realm + "/clients",
                "{\"clientId\":\"sneaky\",\"type\":\"service\",\"roles\":[\"realm-admin\"]}")
            .status());
    assertEquals(404, Iam.admin("GET", "/" + realm + "/clients/sneaky", null).status());
    // its own client roles it may create, and a composite of roles it holds
    assertEquals(
        201,
        as(
                "manage-clients",
                "POST",
                self + "/roles",
                "{\"name\":\"operator\",\"composites\":[\"manage-clients\"]}")
            .status());
    assertEquals(
        403,
        as(
                "manage-clients",
                "POST",
                self + "/roles",
                "{\"name\":\"boss\",\"composites\":[\"realm-admin\"]}")
            .status());
  }

  @Test
  void grantWhenRealmAdminThenAnyRole() {
    String bob = newUser(realm, "bob");
    assertEquals(
        204,
        as("realm-admin", "PUT", "/" + realm + "/users/" + bob + "/roles/realm-admin", null)
            .status());
  }

  @Test
  void liveStateWhenRoleRemovedThenSameTokenRefused() {
    String secret = Iam.newClient(realm, "short-lived", "[\"admin\"]", "[\"view-audit\"]");
    String token = Iam.clientToken(realm, "short-lived", secret);
    assertEquals(200, Iam.adminAs(token, "GET", "/" + realm + "/audit", null).status());
    ok(Iam.admin("PATCH", "/" + realm + "/clients/short-lived", "{\"roles\":[]}"));
    assertEquals(403, Iam.adminAs(token, "GET", "/" + realm + "/audit", null).status());
  }

  @Test
  void tokenWhenNoAdminScopeThen401() {
    String secret = Iam.newClient(realm, "no-admin-scope", "[\"read\"]", "[\"realm-admin\"]");
    String token = Iam.clientToken(realm, "no-admin-scope", secret);
    assertEquals(401, Iam.adminAs(token, "GET", "/" + realm, null).status());
  }

  @Test
  void systemAdminWhenAnyRealmThenPasses() {
    assertNotEquals(403, Iam.admin("GET", "/" + other + "/roles", null).status());
  }
}
