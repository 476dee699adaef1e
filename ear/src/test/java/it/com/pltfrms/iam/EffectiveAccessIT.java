package it.com.pltfrms.iam;

import static it.com.pltfrms.iam.AccessFixtures.claimsOf;
import static it.com.pltfrms.iam.AccessFixtures.newGroup;
import static it.com.pltfrms.iam.AccessFixtures.newUser;
import static it.com.pltfrms.iam.AccessFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Effective access end to end: direct mappings, groups with their ancestors, composite closure,
 * permissions, each with its sources; the same function behind the client-credentials token, whose
 * claims follow a change at once.
 */
class EffectiveAccessIT {

  static String realm;
  static String alice;
  static String platform;
  static String svcSecret;

  @BeforeAll
  static void setUp() {
    realm = Iam.newRealm("effective");
    String r = "/" + realm;
    ok(Iam.admin("POST", r + "/permissions", "{\"name\":\"invoices:read\"}"));
    ok(Iam.admin("POST", r + "/permissions", "{\"name\":\"invoices:write\"}"));
    ok(
        Iam.admin(
            "POST", r + "/roles", "{\"name\":\"viewer\",\"permissions\":[\"invoices:read\"]}"));
    ok(
        Iam.admin(
            "POST",
            r + "/roles",
            "{\"name\":\"editor\",\"composites\":[\"viewer\"],\"permissions\":[\"invoices:write\"]}"));
    Iam.newClient(realm, "billing-app", "[]", "[]");
    ok(Iam.admin("POST", r + "/clients/billing-app/roles", "{\"name\":\"payer\"}"));
    ok(
        Iam.admin(
            "POST", r + "/roles", "{\"name\":\"finance\",\"composites\":[\"billing-app:payer\"]}"));
    String eng = newGroup(realm, "eng", null);
    platform = newGroup(realm, "platform", eng);
    ok(Iam.admin("PUT", r + "/groups/" + eng + "/roles/editor", null));
    alice = newUser(realm, "alice");
    ok(Iam.admin("PUT", r + "/groups/" + platform + "/members/" + alice, null));
    ok(Iam.admin("PUT", r + "/users/" + alice + "/roles/finance", null));
    svcSecret = Iam.newClient(realm, "svc", "[\"read\"]", "[]");
  }

  /** role reference → its sources as "type:via". */
  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> sources(Reply reply) {
    return reply.items().stream()
        .collect(
            Collectors.toMap(
                item -> (String) (item.containsKey("role") ? item.get("role") : item.get("name")),
                item ->
                    ((List<Map<String, Object>>) item.get("sources"))
                        .stream()
                            .map(
                                s ->
                                    s.get("type")
                                        + ":"
                                        + (s.containsKey("group")
                                            ? s.get("group")
                                            : s.getOrDefault("role", "")))
                            .toList()));
  }

  @Test
  void effectiveRolesWhenGroupsAndCompositesThenClosureWithSources() {
    Reply reply = Iam.admin("GET", "/" + realm + "/users/" + alice + "/effective-roles", null);
    assertEquals(200, reply.status(), reply.body());
    assertEquals(
        Map.of(
            "editor", List.of("group:/eng"),
            "viewer", List.of("composite:editor"),
            "finance", List.of("direct:"),
            "billing-app:payer", List.of("composite:finance")),
        sources(reply));
    // W3C Server Timing: the effective-access function's own cost, for ci/bench.sh
    assertTrue(
        reply.header("Server-Timing").matches("access;dur=\\d+\\.\\d{3};desc=\"effective access\""),
        reply.header("Server-Timing"));
  }

  @Test
  void effectivePermissionsWhenRolesCarryThemThenEachWithItsRoles() {
    Reply reply =
        Iam.admin("GET", "/" + realm + "/users/" + alice + "/effective-permissions", null);
    assertEquals(200, reply.status(), reply.body());
    assertEquals(
        Map.of("invoices:read", List.of("role:viewer"), "invoices:write", List.of("role:editor")),
        sources(reply));
  }

  @Test
  void userGroupsWhenMemberOfChildThenOnlyDirectGroupListed() {
    Reply reply = Iam.admin("GET", "/" + realm + "/users/" + alice + "/groups", null);
    assertEquals(200, reply.status());
    assertEquals(List.of("/eng/platform"), reply.items().stream().map(i -> i.get("path")).toList());
  }

  @Test
  void tokenWhenServiceAccountMappedThenRolesResourceAccessAndPermissions() throws Exception {
    String r = "/" + realm + "/clients/svc/service-account/roles/";
    ok(Iam.admin("PUT", r + "editor", null));
    ok(Iam.admin("PUT", r + "finance", null));
    JwtClaims claims = claimsOf(realm, "svc", svcSecret);
    assertEquals(List.of("editor", "finance", "viewer"), claims.getStringListClaimValue("roles"));
    assertEquals(
        Map.of("billing-app", Map.of("roles", List.of("payer"))),
        claims.getClaimValue("resource_access"));
    assertEquals(
        List.of("invoices:read", "invoices:write"), claims.getStringListClaimValue("permissions"));

    Reply effective =
        Iam.admin("GET", "/" + realm + "/clients/svc/service-account/effective-roles", null);
    assertEquals(List.of("editor", "finance", "viewer"), effective.json().get("realmRoles"));

    // a change is in the next token at once (this node evicts at commit)
    ok(Iam.admin("DELETE", r + "editor", null));
    JwtClaims after = claimsOf(realm, "svc", svcSecret);
    assertEquals(List.of("finance"), after.getStringListClaimValue("roles"));
    assertFalse(after.hasClaim("permissions"));
    ok(Iam.admin("DELETE", r + "finance", null));
    assertFalse(claimsOf(realm, "svc", svcSecret).hasClaim("roles"));
  }

  @Test
  void tokenWhenCompositeChangesThenNextTokenFollows() throws Exception {
    ok(
        Iam.admin(
            "POST",
            "/" + realm + "/roles",
            "{\"name\":\"treasury\",\"composites\":[\"billing-app:payer\"]}"));
    String secret = Iam.newClient(realm, "svc2", "[]", "[\"treasury\"]");
    assertEquals(
        Map.of("billing-app", Map.of("roles", List.of("payer"))),
        claimsOf(realm, "svc2", secret).getClaimValue("resource_access"));
    ok(Iam.admin("POST", "/" + realm + "/roles", "{\"name\":\"auditor\"}"));
    ok(
        Iam.admin(
            "PATCH",
            "/" + realm + "/roles/treasury",
            "{\"composites\":[\"billing-app:payer\",\"auditor\"]}"));
    assertEquals(
        List.of("auditor", "treasury"),
        claimsOf(realm, "svc2", secret).getStringListClaimValue("roles"));
  }

  @Test
  void effectiveRolesWhenUserOfAnotherRealmThen404() {
    String other = Iam.newRealm("effective-other");
    String bob = newUser(other, "bob");
    assertEquals(
        404, Iam.admin("GET", "/" + realm + "/users/" + bob + "/effective-roles", null).status());
    assertEquals(
        404,
        Iam.admin("GET", "/" + realm + "/users/no-such-user/effective-permissions", null).status());
  }

  @Test
  void effectiveRolesWhenUnknownClientThen404() {
    assertEquals(
        404,
        Iam.admin("GET", "/" + realm + "/clients/nobody/service-account/effective-roles", null)
            .status());
  }

  @Test
  void builtInRolesWhenRealmCreatedThenPresent() {
    Reply reply = Iam.admin("GET", "/" + realm + "/roles?limit=200", null);
    List<Object> names = reply.items().stream().map(i -> i.get("name")).toList();
    for (String role :
        List.of(
            "realm-admin",
            "manage-users",
            "view-users",
            "manage-groups",
            "manage-clients",
            "view-audit")) {
      assertTrue(names.contains(role), role);
    }
    assertFalse(names.contains("admin"), "admin is the system realm's only");
  }
}
