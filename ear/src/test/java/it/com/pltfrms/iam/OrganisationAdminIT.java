package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin API for organisations: create, list, change and delete them; their members and the
 * organisation roles members hold in one organisation only; realm scoping, bad input and races.
 * Users are created through the user API ({@link AccessFixtures#newUser}).
 */
class OrganisationAdminIT {

  static String realm;
  static String other;

  @BeforeAll
  static void setUp() {
    realm = Iam.newRealm("orgs");
    other = Iam.newRealm("orgs-other");
  }

  private static String orgs(String realmName) {
    return "/" + realmName + "/organizations";
  }

  private static Reply create(String realmName, String json) {
    return Iam.admin("POST", orgs(realmName), json);
  }

  private static void createOrg(String realmName, String alias, String... domains) {
    String list =
        java.util.Arrays.stream(domains)
            .map(d -> "\"" + d + "\"")
            .collect(Collectors.joining(",", "[", "]"));
    Reply reply =
        create(
            realmName,
            "{\"alias\":\""
                + alias
                + "\",\"name\":\""
                + alias
                + " Inc\",\"domains\":"
                + list
                + "}");
    assertEquals(201, reply.status(), reply.body());
  }

  private static void assertProblem(Reply reply, int status, String field) {
    assertEquals(status, reply.status(), reply.body());
    assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply.body());
    if (field != null) {
      assertTrue(reply.body().contains("\"pointer\":\"#/" + field + "\""), reply.body());
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> domainNames(Map<String, Object> organisation) {
    return ((List<Map<String, Object>>) organisation.get("domains"))
        .stream().map(d -> (String) d.get("name")).toList();
  }

  private static long rows(String sql, String parameter) {
    try (Connection db = Iam.database();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, parameter);
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  // ---- organisations --------------------------------------------------------------------------

  @Test
  void createWhenValidThen201WithLocationEtagDomainsAndAuditEvent() {
    Reply created =
        create(
            realm,
            "{\"alias\":\"globex\",\"name\":\"Globex Corp\",\"description\":\"Widgets\","
                + "\"domains\":[\"Globex.com\",\"bücher.example\"],"
                + "\"attributes\":{\"tier\":[\"gold\"],\"region\":[\"eu\",\"us\"]}}");
    assertEquals(201, created.status(), created.body());
    assertEquals(
        Iam.BASE + "/admin/realms/" + realm + "/organizations/globex", created.header("Location"));
    assertTrue(created.header("ETag").matches("\"[0-9]+\""), created.header("ETag"));
    assertEquals("globex", created.string("alias"));
    assertEquals(List.of("globex.com", "xn--bcher-kva.example"), domainNames(created.json()));
    assertEquals(Boolean.TRUE, created.json().get("enabled"));
    assertEquals(
        Map.of("tier", List.of("gold"), "region", List.of("eu", "us")),
        created.json().get("attributes"));
    assertEquals(created.string("createdAt"), created.string("updatedAt"));

    Reply fetched = Iam.admin("GET", orgs(realm) + "/globex", null);
    assertEquals(200, fetched.status());
    assertEquals(created.json(), fetched.json());
    assertEquals(created.header("ETag"), fetched.header("ETag"));

    Map<String, Object> event =
        Iam.admin("GET", "/" + realm + "/audit?type=ORGANIZATION_CREATED", null).items().stream()
            .filter(e -> "globex".equals(e.get("target")))
            .findFirst()
            .orElseThrow();
    assertEquals("iam-admin", event.get("actor"));
  }

  @Test
  void createWhenAliasLeftOutThenDerivedFromName() {
    Reply created = create(realm, "{\"name\":\"Initech Ltd.\"}");
    assertEquals(201, created.status(), created.body());
    assertEquals("initech-ltd", created.string("alias"));
  }

  @Test
  void createWhenAliasTakenThen409NamingAliasAndSameAliasInOtherRealmIndependent() {
    createOrg(realm, "dupe");
    assertProblem(create(realm, "{\"alias\":\"dupe\",\"name\":\"Again\"}"), 409, "alias");
    createOrg(other, "dupe");
    assertEquals(204, Iam.admin("DELETE", orgs(other) + "/dupe", null).status());
    assertEquals(200, Iam.admin("GET", orgs(realm) + "/dupe", null).status());
  }

  @Test
  void createWhenDomainTakenThen409NamingDomainsAndNothingCreated() {
    createOrg(realm, "owner", "taken.example");
    assertProblem(
        create(realm, "{\"alias\":\"thief\",\"name\":\"T\",\"domains\":[\"TAKEN.example\"]}"),
        409,
        "domains");
    assertEquals(404, Iam.admin("GET", orgs(realm) + "/thief", null).status());
    // the same domain in another realm belongs to that realm's organisation
    createOrg(other, "owner-elsewhere", "taken.example");
  }

  @Test
  void updateWhenDomainOfAnotherOrganisationThen409AndDomainsUnchanged() {
    createOrg(realm, "first", "first.example");
    createOrg(realm, "second", "second.example");
    assertProblem(
        Iam.admin(
            "PATCH",
            orgs(realm) + "/second",
            "{\"domains\":[\"second.example\",\"first.example\"]}"),
        409,
        "domains");
    assertEquals(
        List.of("second.example"),
        domainNames(Iam.admin("GET", orgs(realm) + "/second", null).json()));
  }

  @Test
  void createWhenConcurrentWithSameAliasThenOne201AndThe409() throws Exception {
    Iam.adminToken(); // fetched once, before the race
    int writers = 6;
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Reply>> replies = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      String body =
          "{\"alias\":\"race\",\"name\":\"Racer "
              + i
              + "\",\"domains\":[\"race"
              + i
              + ".example\"]}";
      replies.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
                return create(realm, body);
              }));
    }
    start.countDown();
    List<Integer> statuses = replies.stream().map(f -> f.join().status()).sorted().toList();
    assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
    assertEquals(writers - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    assertEquals(1, domainNames(Iam.admin("GET", orgs(realm) + "/race", null).json()).size());
  }

  @Test
  void createWhenConcurrentWithSameDomainThenOne201AndThe409() {
    Iam.adminToken();
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Reply>> replies = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String body =
          "{\"alias\":\"claim-" + i + "\",\"name\":\"C\",\"domains\":[\"claimed.example\"]}";
      replies.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
                return create(realm, body);
              }));
    }
    start.countDown();
    List<Integer> statuses = replies.stream().map(f -> f.join().status()).sorted().toList();
    assertEquals(List.of(201, 409, 409, 409, 409), statuses);
  }

  @Test
  void createWhenInvalidThen400AndNothingWritten() throws Exception {
    String many =
        IntStream.rangeClosed(0, 100)
            .mapToObj(i -> "\"d" + i + ".example\"")
            .collect(Collectors.joining(",", "[", "]"));
    List<String> bad =
        List.of(
            "{}",
            "{\"alias\":\"Bad\",\"name\":\"x\"}",
            "{\"alias\":\"-bad\",\"name\":\"x\"}",
            "{\"alias\":\"" + "a".repeat(65) + "\",\"name\":\"x\"}",
            "{\"alias\":\"ok-1\"}",
            "{\"alias\":\"ok-1\",\"name\":\"" + "n".repeat(256) + "\"}",
            "{\"alias\":\"ok-1\",\"name\":\"x\",\"description\":\"" + "d".repeat(1025) + "\"}",
            "{\"alias\":\"ok-1\",\"name\":\"x\",\"domains\":" + many + "}",
            "{\"alias\":\"ok-1\",\"name\":\"x\",\"domains\":[\"localhost\"]}",
            "{\"alias\":\"ok-1\",\"name\":\"x\",\"domains\":[\"10.0.0.1\"]}",
            "{\"alias\":\"ok-1\",\"name\":\"x\",\"domains\":[\"*.globex.com\"]}",
            "{\"alias\":\"ok-1\",\"name\":\"x\",\"domains\":[\"glo bex.com\"]}",
            "{\"alias\":\"ok-1\",\"name\":\"x\",\"domains\":[\"a.example\",\"A.example\"]}",
            "{\"alias\":\"ok-1\",\"name\":\"x\",\"domains\":[\"glo\\u0000bex.com\"]}",
            "{\"alias\":\"ok-1\",\"name\":\"x\\u0007\"}",
            "{\"alias\":\"ok-1\",\"name\":\"x\",\"domains\":\"globex.com\"}",
            "{\"alias\":\"ok-1\",\"name\":\"x\",\"domains\":[1]}",
            "{\"alias\":\"ok-1\",\"name\":\"x\",\"domains\":[{\"name\":\"a.example\",\"x\":1}]}",
            "{\"alias\":\"ok-1\",\"name\":\"x\",\"attributes\":[]}",
            "{\"alias\":\"ok-1\",\"name\":\"x\",\"attributes\":{\"k\":\"v\"}}",
            "{\"alias\":\"ok-1\",\"name\":\"x\",\"attributes\":{\"k\":[1]}}",
            "{\"alias\":\"ok-1\",\"name\":\"x\",\"enabled\":\"yes\"}",
            "{\"alias\":\"ok-1\",\"name\":\"x\",\"colour\":\"blue\"}",
            "{\"alias\":\"ok-1\",\"alias\":\"ok-2\",\"name\":\"x\"}",
            "not json");
    try (SideEffects effects = SideEffects.start()) {
      for (String body : bad) {
        Reply reply = create(realm, body);
        assertEquals(400, reply.status(), body + " -> " + reply.body());
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
      }
      effects.assertNone("invalid organisation creations");
    }
    assertProblem(
        create(realm, "{\"alias\":\"ok-1\",\"name\":\"x\",\"domains\":[\"localhost\"]}"),
        400,
        "domains");
  }

  @Test
  void listWhenQueriedThenPrefixOnAliasOrNameAndExactDomainWithTotal() {
    String paged = Iam.newRealm("orgs-list");
    createOrg(paged, "alpha", "alpha.example");
    createOrg(paged, "beta", "beta.example", "shared-b.example");
    createOrg(paged, "gamma");
    assertEquals(201, create(paged, "{\"alias\":\"delta\",\"name\":\"Alpine Delta\"}").status());

    Reply all = Iam.admin("GET", orgs(paged) + "?offset=1&limit=2", null);
    assertEquals(200, all.status());
    assertEquals(4L, ((Number) all.json().get("total")).longValue());
    assertEquals(List.of("beta", "delta"), all.items().stream().map(o -> o.get("alias")).toList());

    Reply prefix = Iam.admin("GET", orgs(paged) + "?q=AL", null);
    assertEquals(
        List.of("alpha", "delta"), prefix.items().stream().map(o -> o.get("alias")).toList());
    Reply domain = Iam.admin("GET", orgs(paged) + "?domain=SHARED-B.example", null);
    assertEquals(List.of("beta"), domain.items().stream().map(o -> o.get("alias")).toList());
    assertEquals(
        0L,
        ((Number) Iam.admin("GET", orgs(paged) + "?q=%25", null).json().get("total")).longValue());
    assertEquals(0, Iam.admin("GET", orgs(paged) + "?domain=beta", null).items().size());
    assertEquals(400, Iam.admin("GET", orgs(paged) + "?limit=0", null).status());
  }

  @Test
  void patchWhenStaleIfMatchThen412AndUnchangedAndPutReplacesWhole() {
    createOrg(realm, "edited", "edited.example");
    String path = orgs(realm) + "/edited";
    String tag = Iam.admin("GET", path, null).header("ETag");
    Reply patched =
        Iam.admin("PATCH", path, "{\"description\":\"First\"}", Map.of("If-Match", tag));
    assertEquals(200, patched.status(), patched.body());
    assertFalse(tag.equals(patched.header("ETag")));
    assertEquals(List.of("edited.example"), domainNames(patched.json()));

    Reply stale = Iam.admin("PATCH", path, "{\"description\":\"Second\"}", Map.of("If-Match", tag));
    assertProblem(stale, 412, null);
    assertEquals("First", Iam.admin("GET", path, null).string("description"));

    // a change of domains alone moves the ETag too
    String before = Iam.admin("GET", path, null).header("ETag");
    Reply domains = Iam.admin("PATCH", path, "{\"domains\":[\"edited.example\",\"more.example\"]}");
    assertFalse(before.equals(domains.header("ETag")));

    Reply got = Iam.admin("GET", path, null);
    Reply roundTrip = Iam.admin("PUT", path, got.body(), Map.of("If-Match", got.header("ETag")));
    assertEquals(200, roundTrip.status(), roundTrip.body());

    Reply replaced = Iam.admin("PUT", path, "{\"name\":\"Edited\"}");
    assertEquals(200, replaced.status(), replaced.body());
    assertEquals(List.of(), domainNames(replaced.json()));
    assertEquals(null, replaced.json().get("description"));
    assertEquals(Map.of(), replaced.json().get("attributes"));

    assertEquals(400, Iam.admin("PATCH", path, "{\"alias\":\"renamed\"}").status());
    assertEquals(400, Iam.admin("PUT", path, "{\"id\":\"x\",\"name\":\"E\"}").status());
    assertEquals(400, Iam.admin("PUT", path, "{}").status());
    assertEquals(404, Iam.admin("PATCH", orgs(realm) + "/missing", "{}").status());
  }

  @Test
  void requestsWhenOrganisationOfAnotherRealmThen404() {
    createOrg(other, "foreign", "foreign.example");
    String member = AccessFixtures.newUser(realm, "local-user");
    for (String[] call :
        List.of(
            new String[] {"GET", ""},
            new String[] {"PATCH", ""},
            new String[] {"DELETE", ""},
            new String[] {"GET", "/members"},
            new String[] {"PUT", "/members/" + member})) {
      Reply reply =
          Iam.admin(
              call[0], orgs(realm) + "/foreign" + call[1], call[0].equals("PATCH") ? "{}" : null);
      assertProblem(reply, 404, null);
    }
    assertEquals(200, Iam.admin("GET", orgs(other) + "/foreign", null).status());
    assertEquals(404, Iam.admin("GET", "/no-such-realm/organizations", null).status());
  }

  // ---- members and organisation roles ---------------------------------------------------------

  @Test
  void membersWhenAliceInTwoOrganisationsThenRolesHeldPerOrganisation() {
    String realmName = Iam.newRealm("orgs-alice");
    createOrg(realmName, "globex", "globex.example");
    createOrg(realmName, "initech", "initech.example");
    for (String role : List.of("approver", "viewer")) {
      Reply created =
          Iam.admin("POST", "/" + realmName + "/organization-roles", "{\"name\":\"" + role + "\"}");
      assertEquals(201, created.status(), created.body());
    }
    String alice = AccessFixtures.newUser(realmName, "alice");
    String bob = AccessFixtures.newUser(realmName, "bob");
    String globex = orgs(realmName) + "/globex/members/";
    String initech = orgs(realmName) + "/initech/members/";

    assertEquals(201, Iam.admin("PUT", globex + alice, null).status());
    assertEquals(204, Iam.admin("PUT", globex + alice, null).status(), "idempotent");
    assertEquals(201, Iam.admin("PUT", initech + alice, null).status());
    assertEquals(201, Iam.admin("PUT", globex + bob, null).status());
    assertEquals(201, Iam.admin("PUT", globex + alice + "/roles/approver", null).status());
    assertEquals(204, Iam.admin("PUT", globex + alice + "/roles/approver", null).status());
    assertEquals(201, Iam.admin("PUT", initech + alice + "/roles/viewer", null).status());

    assertEquals(
        List.of("approver"), Iam.admin("GET", globex + alice + "/roles", null).json().get("roles"));
    assertEquals(
        List.of("viewer"), Iam.admin("GET", initech + alice + "/roles", null).json().get("roles"));

    Reply hers = Iam.admin("GET", "/" + realmName + "/users/" + alice + "/organizations", null);
    assertEquals(200, hers.status(), hers.body());
    assertEquals(
        List.of("globex", "initech"), hers.items().stream().map(o -> o.get("alias")).toList());
    assertEquals(List.of("approver"), hers.items().get(0).get("roles"));
    assertEquals(List.of("viewer"), hers.items().get(1).get("roles"));

    // effective access carries the same, per organisation, ready for an "organization" claim
    Reply effective =
        Iam.admin("GET", "/" + realmName + "/users/" + alice + "/effective-roles", null);
    assertEquals(200, effective.status(), effective.body());
    Map<String, Object> byAlias = asMap(effective.json().get("organizations"));
    assertEquals(List.of("approver"), asMap(byAlias.get("globex")).get("roles"));
    assertEquals(List.of("viewer"), asMap(byAlias.get("initech")).get("roles"));
    assertEquals(
        hers.items().get(0).get("id"), asMap(byAlias.get("globex")).get("id"), effective.body());
    assertFalse(
        ((List<?>) effective.json().get("realmRoles")).contains("approver"),
        "an organisation role is no realm role");
    Reply his = Iam.admin("GET", "/" + realmName + "/users/" + bob + "/effective-roles", null);
    assertEquals(
        List.of(), asMap(asMap(his.json().get("organizations")).get("globex")).get("roles"));

    Reply members = Iam.admin("GET", orgs(realmName) + "/globex/members", null);
    assertEquals(2L, ((Number) members.json().get("total")).longValue());
    assertEquals(
        List.of("alice", "bob"), members.items().stream().map(m -> m.get("username")).toList());
    assertEquals(List.of("approver"), members.items().get(0).get("roles"));
    assertEquals("bob", Iam.admin("GET", globex + bob, null).string("username"));

    // a role for a non-member is a conflict; an unknown role is not found
    assertProblem(Iam.admin("PUT", initech + bob + "/roles/viewer", null), 409, "userId");
    assertProblem(Iam.admin("PUT", globex + bob + "/roles/no-such-role", null), 404, null);
    assertProblem(Iam.admin("DELETE", globex + bob + "/roles/viewer", null), 404, null);

    // removing the member removes its organisation roles
    assertEquals(204, Iam.admin("DELETE", globex + alice, null).status());
    assertEquals(404, Iam.admin("DELETE", globex + alice, null).status());
    assertEquals(404, Iam.admin("GET", globex + alice, null).status());
    assertEquals(201, Iam.admin("PUT", globex + alice, null).status());
    assertEquals(List.of(), Iam.admin("GET", globex + alice + "/roles", null).json().get("roles"));
    assertEquals(
        List.of("viewer"), Iam.admin("GET", initech + alice + "/roles", null).json().get("roles"));

    List<String> types =
        Iam.admin("GET", "/" + realmName + "/audit?limit=200", null).items().stream()
            .map(e -> (String) e.get("type"))
            .toList();
    for (String type :
        List.of(
            "ORGANIZATION_MEMBER_ADDED",
            "ORGANIZATION_MEMBER_REMOVED",
            "ORGANIZATION_ROLE_CREATED",
            "ORGANIZATION_ROLE_GRANTED")) {
      assertTrue(types.contains(type), type + " in " + types);
    }
  }

  @Test
  void membersWhenUserOfAnotherRealmOrUnknownThen404() {
    createOrg(realm, "closed");
    String stranger = AccessFixtures.newUser(other, "stranger");
    String path = orgs(realm) + "/closed/members/";
    assertProblem(Iam.admin("PUT", path + stranger, null), 404, null);
    assertProblem(Iam.admin("PUT", path + "00000000-0000-4000-8000-000000000000", null), 404, null);
    assertProblem(Iam.admin("PUT", path + "x".repeat(300), null), 404, null);
    assertProblem(
        Iam.admin("GET", "/" + realm + "/users/" + stranger + "/organizations", null), 404, null);
    assertEquals(0L, rows("SELECT count(*) FROM organization_member WHERE user_id = ?", stranger));
  }

  @Test
  void deleteWhenOrganisationHasMembersThenMembershipsAndRolesGoInOneGo() {
    createOrg(realm, "doomed", "doomed.example");
    String carol = AccessFixtures.newUser(realm, "carol");
    String path = orgs(realm) + "/doomed";
    assertEquals(201, Iam.admin("PUT", path + "/members/" + carol, null).status());
    assertEquals(
        201, Iam.admin("PUT", path + "/members/" + carol + "/roles/org-admin", null).status());
    String stale = Iam.admin("GET", path, null).header("ETag");
    assertEquals(200, Iam.admin("PATCH", path, "{\"description\":\"moved on\"}").status());
    assertEquals(412, Iam.admin("DELETE", path, null, Map.of("If-Match", stale)).status());

    assertEquals(204, Iam.admin("DELETE", path, null).status());
    assertEquals(404, Iam.admin("GET", path, null).status());
    assertEquals(0L, rows("SELECT count(*) FROM organization_member WHERE user_id = ?", carol));
    assertEquals(
        0L, rows("SELECT count(*) FROM organization_member_role WHERE user_id = ?", carol));
    assertEquals(
        0L, rows("SELECT count(*) FROM organization_domain WHERE domain = ?", "doomed.example"));
    // the domain is free again
    createOrg(realm, "reborn", "doomed.example");
    assertTrue(
        Iam.admin("GET", "/" + realm + "/audit?type=ORGANIZATION_DELETED", null).items().stream()
            .anyMatch(e -> "doomed".equals(e.get("target"))));
  }

  @Test
  void deleteWhenUserDeletedThenMembershipsGo() {
    createOrg(realm, "keeps");
    String dave = AccessFixtures.newUser(realm, "dave");
    assertEquals(201, Iam.admin("PUT", orgs(realm) + "/keeps/members/" + dave, null).status());
    assertEquals(204, Iam.admin("DELETE", "/" + realm + "/users/" + dave, null).status());
    assertEquals(0L, rows("SELECT count(*) FROM organization_member WHERE user_id = ?", dave));
    assertEquals(
        0L,
        ((Number) Iam.admin("GET", orgs(realm) + "/keeps/members", null).json().get("total"))
            .longValue());
  }

  @Test
  void organisationRolesWhenManagedThenOrgAdminBuiltInAndUndeletable() {
    String realmName = Iam.newRealm("orgs-roles");
    String roles = "/" + realmName + "/organization-roles";
    Reply builtIn = Iam.admin("GET", roles + "/org-admin", null);
    assertEquals(200, builtIn.status(), builtIn.body());
    assertEquals(Boolean.TRUE, builtIn.json().get("builtIn"));
    assertProblem(Iam.admin("DELETE", roles + "/org-admin", null), 409, "name");

    Reply created =
        Iam.admin("POST", roles, "{\"name\":\"approver\",\"description\":\"Approves orders\"}");
    assertEquals(201, created.status(), created.body());
    assertEquals(Iam.BASE + "/admin/realms" + roles + "/approver", created.header("Location"));
    assertProblem(Iam.admin("POST", roles, "{\"name\":\"approver\"}"), 409, "name");
    assertProblem(Iam.admin("POST", roles, "{\"name\":\"has space\"}"), 400, "name");
    assertProblem(Iam.admin("POST", roles, "{\"name\":\"" + "r".repeat(65) + "\"}"), 400, "name");
    assertProblem(Iam.admin("POST", roles, "{}"), 400, null);
    assertEquals(
        List.of("approver", "org-admin"),
        Iam.admin("GET", roles, null).items().stream().map(r -> r.get("name")).toList());
    // roles of one realm do not exist in another
    assertEquals(
        404, Iam.admin("GET", "/" + other + "/organization-roles/approver", null).status());

    createOrg(realmName, "acme");
    String erin = AccessFixtures.newUser(realmName, "erin");
    String member = orgs(realmName) + "/acme/members/" + erin;
    assertEquals(201, Iam.admin("PUT", member, null).status());
    assertEquals(201, Iam.admin("PUT", member + "/roles/approver", null).status());
    assertEquals(204, Iam.admin("DELETE", roles + "/approver", null).status());
    assertEquals(List.of(), Iam.admin("GET", member + "/roles", null).json().get("roles"));
    assertEquals(404, Iam.admin("DELETE", roles + "/approver", null).status());
  }

  @Test
  void organisationRoleWhenOfAnotherRealmThen404ForMembers() {
    String realmName = Iam.newRealm("orgs-xrole");
    Iam.admin("POST", "/" + other + "/organization-roles", "{\"name\":\"only-there\"}");
    createOrg(realmName, "here");
    String frank = AccessFixtures.newUser(realmName, "frank");
    String member = orgs(realmName) + "/here/members/" + frank;
    assertEquals(201, Iam.admin("PUT", member, null).status());
    assertProblem(Iam.admin("PUT", member + "/roles/only-there", null), 404, null);
    assertNotNull(Iam.admin("GET", member, null).json().get("joinedAt"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    assertTrue(value instanceof Map<?, ?>, String.valueOf(value));
    return (Map<String, Object>) value;
  }
}
