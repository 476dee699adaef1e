package it.com.pltfrms.iam;

import static it.com.pltfrms.iam.AccessFixtures.count;
import static it.com.pltfrms.iam.AccessFixtures.ifMatch;
import static it.com.pltfrms.iam.AccessFixtures.newGroup;
import static it.com.pltfrms.iam.AccessFixtures.newUser;
import static it.com.pltfrms.iam.AccessFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The group tree over the admin API: paths, moves, depth, members, bad input, concurrency. */
class GroupsAdminIT {

  static String realm;
  static String other;

  @BeforeAll
  static void setUp() {
    realm = Iam.newRealm("groups");
    other = Iam.newRealm("groups-other");
  }

  private static String groups() {
    return "/" + realm + "/groups";
  }

  private static long groupRows() {
    return count(
        "SELECT count(*) FROM iam_group g JOIN realm r ON r.id = g.realm_id WHERE r.name = ?",
        realm);
  }

  @Test
  void createWhenNestedThenPathDepthLocationAndEtag() {
    String eng = newGroup(realm, "eng-create", null);
    Reply child =
        Iam.admin(
            "POST",
            groups(),
            "{\"name\":\"platform\",\"parentId\":\""
                + eng
                + "\",\"attributes\":{\"cost-center\":[\"42\"]},\"externalId\":\"ext-platform\"}");
    assertEquals(201, child.status(), child.body());
    assertEquals(
        Iam.BASE + "/admin/realms" + groups() + "/" + child.string("id"), child.header("Location"));
    assertNotNull(child.header("ETag"));
    assertEquals("/eng-create/platform", child.string("path"));
    assertEquals(2, ((Number) child.json().get("depth")).intValue());
    assertEquals(Map.of("cost-center", List.of("42")), child.json().get("attributes"));
    Reply children = Iam.admin("GET", groups() + "/" + eng + "/children", null);
    assertEquals(List.of("platform"), children.items().stream().map(i -> i.get("name")).toList());
    Reply top = Iam.admin("GET", groups() + "?limit=200", null);
    assertTrue(top.items().stream().anyMatch(i -> i.get("name").equals("eng-create")));
    assertTrue(top.items().stream().noneMatch(i -> i.get("name").equals("platform")));
  }

  @Test
  void createWhenSiblingNameTakenThen409AndElsewhereFine() {
    String a = newGroup(realm, "dup-a", null);
    String b = newGroup(realm, "dup-b", null);
    newGroup(realm, "same", a);
    assertEquals(
        409,
        Iam.admin("POST", groups(), "{\"name\":\"same\",\"parentId\":\"" + a + "\"}").status());
    newGroup(realm, "same", b);
  }

  @Test
  void moveWhenUnderOwnDescendantThen409() {
    String root = newGroup(realm, "move-root", null);
    String child = newGroup(realm, "child", root);
    String grandchild = newGroup(realm, "grandchild", child);
    String etag = Iam.admin("GET", groups() + "/" + root, null).header("ETag");
    assertEquals(
        409,
        Iam.admin(
                "PATCH",
                groups() + "/" + root,
                "{\"parentId\":\"" + grandchild + "\"}",
                ifMatch(etag))
            .status());
    assertEquals(
        409, Iam.admin("PATCH", groups() + "/" + root, "{\"parentId\":\"" + root + "\"}").status());
    assertEquals(
        "/move-root/child/grandchild",
        Iam.admin("GET", groups() + "/" + grandchild, null).string("path"));
  }

  @Test
  void moveWhenRenamedAndMovedThenSubtreePathsFollow() {
    String a = newGroup(realm, "mv-a", null);
    String b = newGroup(realm, "mv-b", null);
    String c = newGroup(realm, "mv-c", a);
    String d = newGroup(realm, "mv-d", c);
    ok(Iam.admin("PATCH", groups() + "/" + c, "{\"parentId\":\"" + b + "\",\"name\":\"moved\"}"));
    Reply moved = Iam.admin("GET", groups() + "/" + d, null);
    assertEquals("/mv-b/moved/mv-d", moved.string("path"));
    assertEquals(3, ((Number) moved.json().get("depth")).intValue());
    ok(Iam.admin("PATCH", groups() + "/" + c, "{\"parentId\":null}"));
    assertEquals("/moved/mv-d", Iam.admin("GET", groups() + "/" + d, null).string("path"));
  }

  @Test
  void createWhenDeeperThan32Then409() {
    String parent = null;
    for (int level = 1; level <= 32; level++) {
      parent = newGroup(realm, level == 1 ? "deep" : "l" + level, parent);
    }
    long before = groupRows();
    assertEquals(
        409,
        Iam.admin("POST", groups(), "{\"name\":\"l33\",\"parentId\":\"" + parent + "\"}").status());
    assertEquals(before, groupRows());
    // moving a two-level subtree under level 31 would make 33 too
    String top = newGroup(realm, "deep-sub", null);
    newGroup(realm, "below", top);
    String level31 = Iam.admin("GET", groups() + "/" + parent, null).string("parentId");
    assertEquals(
        409,
        Iam.admin("PATCH", groups() + "/" + top, "{\"parentId\":\"" + level31 + "\"}").status());
  }

  @Test
  void updateWhenStaleIfMatchThen412() {
    String g = newGroup(realm, "stale", null);
    String etag = Iam.admin("GET", groups() + "/" + g, null).header("ETag");
    ok(Iam.admin("PATCH", groups() + "/" + g, "{\"name\":\"stale-2\"}", ifMatch(etag)));
    assertEquals(
        412,
        Iam.admin("PATCH", groups() + "/" + g, "{\"name\":\"stale-3\"}", ifMatch(etag)).status());
    assertEquals(412, Iam.admin("DELETE", groups() + "/" + g, null, ifMatch(etag)).status());
  }

  @Test
  void membersWhenAddedListedRemovedThenPagedAndIdempotent() {
    String g = newGroup(realm, "members", null);
    String alice = newUser(realm, "m-alice");
    String bob = newUser(realm, "m-bob");
    assertEquals(204, Iam.admin("PUT", groups() + "/" + g + "/members/" + alice, null).status());
    assertEquals(204, Iam.admin("PUT", groups() + "/" + g + "/members/" + alice, null).status());
    assertEquals(204, Iam.admin("PUT", groups() + "/" + g + "/members/" + bob, null).status());
    Reply page = Iam.admin("GET", groups() + "/" + g + "/members?limit=1", null);
    assertEquals(1, page.items().size());
    assertEquals(2L, ((Number) page.json().get("total")).longValue());
    assertEquals(204, Iam.admin("DELETE", groups() + "/" + g + "/members/" + bob, null).status());
    assertEquals(404, Iam.admin("DELETE", groups() + "/" + g + "/members/" + bob, null).status());
  }

  @Test
  void membersWhenIdsOfAnotherRealmThen404() {
    String g = newGroup(realm, "cross", null);
    String stranger = newUser(other, "stranger");
    String foreignGroup = newGroup(other, "foreign", null);
    String alice = newUser(realm, "x-alice");
    assertEquals(404, Iam.admin("PUT", groups() + "/" + g + "/members/" + stranger, null).status());
    assertEquals(
        404, Iam.admin("PUT", groups() + "/" + foreignGroup + "/members/" + alice, null).status());
    assertEquals(404, Iam.admin("GET", groups() + "/" + foreignGroup, null).status());
    assertEquals(
        404,
        Iam.admin("POST", groups(), "{\"name\":\"x\",\"parentId\":\"" + foreignGroup + "\"}")
            .status());
    assertEquals(404, Iam.admin("GET", groups() + "/no-such-group", null).status());
  }

  @Test
  void createWhenBadInputThen400AndNothingWritten() {
    long before = groupRows();
    for (String body :
        List.of(
            "{",
            "[]",
            "{\"name\":5}",
            "{\"name\":\"a/b\"}",
            "{\"name\":\"..\"}",
            "{\"name\":\"" + "g".repeat(256) + "\"}",
            "{\"name\":\"ctl\\u0001\"}",
            "{\"name\":\"x\",\"unknown\":1}",
            "{\"name\":\"x\",\"name\":\"y\"}",
            "{\"name\":\"x\",\"attributes\":\"flat\"}",
            "{\"name\":\"x\",\"attributes\":{\"a\":\"not-an-array\"}}",
            "{\"name\":\"x\",\"attributes\":{\"a\":[1]}}",
            "{\"name\":\"x\",\"parentId\":7}",
            "{\"name\":\"x\",\"externalId\":\"\"}")) {
      Reply reply = Iam.admin("POST", groups(), body);
      assertEquals(400, reply.status(), body + " → " + reply.body());
      assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), body);
    }
    assertEquals(
        413, Iam.admin("POST", groups(), "{\"name\":\"" + "x".repeat(70_000) + "\"}").status());
    assertEquals(before, groupRows());
  }

  @Test
  void externalIdWhenTakenThen409() {
    ok(Iam.admin("POST", groups(), "{\"name\":\"ext-1\",\"externalId\":\"E-1\"}"));
    assertEquals(
        409, Iam.admin("POST", groups(), "{\"name\":\"ext-2\",\"externalId\":\"E-1\"}").status());
    ok(Iam.admin("POST", "/" + other + "/groups", "{\"name\":\"ext-1\",\"externalId\":\"E-1\"}"));
  }

  @Test
  void deleteWhenSubtreeThenAllGoneAndAudited() {
    String root = newGroup(realm, "del-root", null);
    String child = newGroup(realm, "del-child", root);
    assertEquals(204, Iam.admin("DELETE", groups() + "/" + root, null).status());
    assertEquals(404, Iam.admin("GET", groups() + "/" + child, null).status());
    Reply audit = Iam.admin("GET", "/" + realm + "/audit?type=GROUP_DELETED", null);
    assertTrue(audit.items().stream().anyMatch(e -> root.equals(e.get("target"))), audit.body());
  }

  @Test
  void concurrentWritesWhenSameIfMatchThenOneWinsOther412() throws Exception {
    String g = newGroup(realm, "race", null);
    String etag = Iam.admin("GET", groups() + "/" + g, null).header("ETag");
    List<Integer> statuses =
        race(
            () ->
                Iam.admin("PATCH", groups() + "/" + g, "{\"name\":\"race-a\"}", ifMatch(etag))
                    .status(),
            () ->
                Iam.admin("PATCH", groups() + "/" + g, "{\"name\":\"race-b\"}", ifMatch(etag))
                    .status());
    assertEquals(List.of(200, 412), statuses.stream().sorted().toList());
  }

  @Test
  void concurrentCreatesWhenSameNameThenOne201Other409() throws Exception {
    List<Integer> statuses =
        race(
            () -> Iam.admin("POST", groups(), "{\"name\":\"twin\"}").status(),
            () -> Iam.admin("POST", groups(), "{\"name\":\"twin\"}").status());
    assertEquals(List.of(201, 409), statuses.stream().sorted().toList());
  }

  static List<Integer> race(Callable<Integer> a, Callable<Integer> b) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> futures = pool.invokeAll(List.of(a, b));
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> future : futures) {
        statuses.add(future.get());
      }
      return statuses;
    } finally {
      pool.shutdown();
    }
  }
}
