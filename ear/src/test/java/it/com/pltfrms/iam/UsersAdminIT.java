package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin API for users: create, read, search, change, delete, passwords; uniqueness per realm;
 * realm scoping; bad input; concurrency.
 */
class UsersAdminIT {

  static String realm;

  @BeforeAll
  static void setUp() {
    realm = Iam.newRealm("users");
  }

  static String users(String realmName) {
    return "/" + realmName + "/users";
  }

  static Reply create(String realmName, String json) {
    return Iam.admin("POST", users(realmName), json);
  }

  static String newUser(String realmName, String username) {
    Reply reply = create(realmName, "{\"username\":\"" + username + "\"}");
    assertEquals(201, reply.status(), reply.body());
    return reply.string("id");
  }

  static void assertProblem(Reply reply, int status, String pointer) {
    assertEquals(status, reply.status(), reply.body());
    assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply.body());
    if (pointer != null) {
      assertTrue(reply.body().contains("\"pointer\":\"" + pointer + "\""), reply.body());
    }
  }

  private static Map<String, String> ifMatch(String tag) {
    return Map.of("If-Match", tag);
  }

  @Test
  void createWhenIssueExampleThen201WithLocationAndNoPassword() {
    Reply created =
        create(
            realm,
            "{\"username\":\"alice\",\"email\":\"alice@example.com\",\"emailVerified\":true,"
                + "\"firstName\":\"Alice\",\"lastName\":\"Liddell\",\"enabled\":true,"
                + "\"attributes\":{},\"password\":\"Wonderland-rabbit-7\"}");
    assertEquals(201, created.status(), created.body());
    String id = created.string("id");
    assertEquals(id, UUID.fromString(id).toString());
    assertEquals(Iam.BASE + "/admin/realms" + users(realm) + "/" + id, created.header("Location"));
    assertNotNull(created.header("ETag"));
    assertNotNull(created.string("createdAt"));
    assertNotNull(created.string("updatedAt"));
    assertEquals("alice@example.com", created.string("email"));
    assertEquals(Boolean.TRUE, created.json().get("emailVerified"));
    assertFalse(created.body().contains("Wonderland"));
    assertFalse(created.body().contains("argon2"));
    assertNull(created.json().get("password"));

    Reply fetched = Iam.admin("GET", users(realm) + "/" + id, null);
    assertEquals(200, fetched.status());
    assertEquals("Liddell", fetched.string("lastName"));
    assertFalse(fetched.body().contains("argon2"));
  }

  @Test
  void createWhenStandardClaimsThenAllReturned() {
    Reply created =
        create(
            realm,
            "{\"username\":\"claims\",\"middleName\":\"Pleasance\",\"nickname\":\"Al\","
                + "\"locale\":\"en-GB\",\"zoneinfo\":\"Europe/London\",\"phoneNumber\":\"+441865270000\","
                + "\"phoneNumberVerified\":true,\"picture\":\"https://example.com/a.png\","
                + "\"website\":\"https://example.com\",\"birthdate\":\"1852-05-04\","
                + "\"externalId\":\"hr-0001\",\"address\":{\"locality\":\"Oxford\",\"country\":\"GB\"}}");
    assertEquals(201, created.status(), created.body());
    assertEquals("Pleasance", created.string("middleName"));
    assertEquals("Europe/London", created.string("zoneinfo"));
    assertEquals("1852-05-04", created.string("birthdate"));
    assertEquals("hr-0001", created.string("externalId"));
    assertTrue(created.body().contains("\"locality\":\"Oxford\""), created.body());
  }

  @Test
  void createWhenUsernameMixedCaseThenStoredNormalised() {
    Reply created = create(realm, "{\"username\":\"ＭｉｘｅｄＣａｓｅ\"}");
    assertEquals(201, created.status(), created.body());
    assertEquals("mixedcase", created.string("username"));
    assertProblem(create(realm, "{\"username\":\"MIXEDCASE\"}"), 409, "#/username");
  }

  @Test
  void createWhenSameUsernameInAnotherRealmThenBothExist() {
    String other = Iam.newRealm("users-b");
    newUser(realm, "shared");
    newUser(other, "shared");
  }

  @Test
  void createWhenEmailTakenThen409NamingEmailUnlessRealmAllowsDuplicates() {
    String r = Iam.newRealm("emails");
    assertEquals(201, create(r, "{\"username\":\"e1\",\"email\":\"same@example.com\"}").status());
    assertProblem(
        create(r, "{\"username\":\"e2\",\"email\":\"SAME@example.com\"}"), 409, "#/email");
    assertEquals(200, Iam.admin("PATCH", "/" + r, "{\"duplicateEmailsAllowed\":true}").status());
    assertEquals(201, create(r, "{\"username\":\"e2\",\"email\":\"same@example.com\"}").status());
  }

  @Test
  void createWhenExternalIdTakenThen409() {
    create(realm, "{\"username\":\"x1\",\"externalId\":\"ext-42\"}");
    assertProblem(
        create(realm, "{\"username\":\"x2\",\"externalId\":\"ext-42\"}"), 409, "#/externalId");
  }

  @Test
  void createWhenInvalidThen400NamingField() {
    assertProblem(create(realm, "{}"), 400, null);
    assertProblem(create(realm, "{\"username\":\"\"}"), 400, "#/username");
    assertProblem(create(realm, "{\"username\":\"has space\"}"), 400, "#/username");
    assertProblem(create(realm, "{\"username\":\"" + "u".repeat(256) + "\"}"), 400, "#/username");
    assertProblem(create(realm, "{\"username\":\"a\\u0000b\"}"), 400, null);
    assertProblem(create(realm, "{\"username\":\"bad1\",\"email\":\"nope\"}"), 400, "#/email");
    assertProblem(create(realm, "{\"username\":\"bad2\",\"enabled\":\"yes\"}"), 400, null);
    assertProblem(create(realm, "{\"username\":\"bad3\",\"colour\":\"red\"}"), 400, null);
    assertProblem(create(realm, "{\"username\":\"bad4\",\"username\":\"bad5\"}"), 400, null);
    assertProblem(create(realm, "{\"username\":"), 400, null);
    assertProblem(
        create(realm, "{\"username\":\"bad6\",\"address\":{\"planet\":\"Mars\"}}"), 400, null);
    assertProblem(
        create(realm, "{\"username\":\"bad7\",\"attributes\":{\"a\":\"not-an-array\"}}"),
        400,
        null);
    assertProblem(
        create(realm, "{\"username\":\"bad8\",\"birthdate\":\"1852-13-01\"}"), 400, "#/birthdate");
    Reply huge = create(realm, "{\"username\":\"" + "u".repeat(70_000) + "\"}");
    assertEquals(413, huge.status());
    Reply none = Iam.admin("GET", users(realm) + "?q=bad", null);
    assertEquals(0L, ((Number) none.json().get("total")).longValue(), "nothing half-written");
  }

  @Test
  void createWhenUndeclaredAttributeThen400ByDefault() {
    assertProblem(
        create(realm, "{\"username\":\"attr1\",\"attributes\":{\"shoe\":[\"42\"]}}"),
        400,
        "#/attributes/shoe");
  }

  @Test
  void createWhenWeakPasswordThen400AndNoUserWritten() {
    Reply reply = create(realm, "{\"username\":\"weakling\",\"password\":\"password\"}");
    assertProblem(reply, 400, "#/password");
    assertTrue(reply.body().contains("\"rule\":\"minLength\""), reply.body());
    assertTrue(reply.body().contains("\"rule\":\"denyList\""), reply.body());
    assertEquals(
        0L,
        ((Number) Iam.admin("GET", users(realm) + "?username=weakling", null).json().get("total"))
            .longValue());
  }

  @Test
  void getWhenUnknownOrOtherRealmsIdThen404() {
    String other = Iam.newRealm("users-c");
    String id = newUser(other, "elsewhere");
    assertProblem(Iam.admin("GET", users(realm) + "/" + id, null), 404, null);
    assertProblem(Iam.admin("PATCH", users(realm) + "/" + id, "{\"firstName\":\"X\"}"), 404, null);
    assertProblem(Iam.admin("DELETE", users(realm) + "/" + id, null), 404, null);
    assertProblem(
        Iam.admin(
            "POST", users(realm) + "/" + id + "/password", "{\"password\":\"Long-enough-pass-9\"}"),
        404,
        null);
    assertProblem(Iam.admin("GET", users(realm) + "/" + UUID.randomUUID(), null), 404, null);
    assertProblem(Iam.admin("GET", users(realm) + "/not-a-uuid", null), 404, null);
    assertProblem(Iam.admin("GET", users("no-such-realm") + "/" + id, null), 404, null);
    assertEquals(200, Iam.admin("GET", users(other) + "/" + id, null).status());
  }

  @Test
  void listWhenFilteredThenMatchesWithTotal() {
    String r = Iam.newRealm("search");
    create(r, "{\"username\":\"bob\",\"email\":\"bob@corp.example\",\"firstName\":\"Robert\"}");
    create(r, "{\"username\":\"bobby\",\"lastName\":\"Tables\",\"enabled\":false}");
    create(r, "{\"username\":\"carol\",\"firstName\":\"Bo\",\"email\":\"c@corp.example\"}");
    create(r, "{\"username\":\"dave\",\"externalId\":\"HR-7\"}");
    create(r, "{\"username\":\"under_score\"}");
    assertEquals(
        List.of("bob", "bobby", "carol"), names(Iam.admin("GET", users(r) + "?q=BO", null)));
    assertEquals(List.of("bob"), names(Iam.admin("GET", users(r) + "?q=rob", null)));
    assertEquals(List.of("bobby"), names(Iam.admin("GET", users(r) + "?q=tab", null)));
    assertEquals(List.of(), names(Iam.admin("GET", users(r) + "?q=%25", null)));
    assertEquals(List.of("under_score"), names(Iam.admin("GET", users(r) + "?q=under_", null)));
    assertEquals(
        List.of("bob"), names(Iam.admin("GET", users(r) + "?email=BOB@corp.example", null)));
    assertEquals(List.of("bob"), names(Iam.admin("GET", users(r) + "?username=BOB", null)));
    assertEquals(List.of("bobby"), names(Iam.admin("GET", users(r) + "?enabled=false", null)));
    assertEquals(List.of("dave"), names(Iam.admin("GET", users(r) + "?externalId=HR-7", null)));
    Reply page = Iam.admin("GET", users(r) + "?limit=2&offset=1", null);
    assertEquals(List.of("bobby", "carol"), names(page));
    assertEquals(5L, ((Number) page.json().get("total")).longValue());
    assertProblem(Iam.admin("GET", users(r) + "?enabled=maybe", null), 400, null);
    assertProblem(Iam.admin("GET", users(r) + "?attribute=novalue", null), 400, null);
    assertProblem(Iam.admin("GET", users(r) + "?limit=1000", null), 400, null);
    assertProblem(Iam.admin("GET", users(r) + "?q=" + "a".repeat(300), null), 400, null);
  }

  @Test
  void listWhenAttributeFilterThenExactValueMatch() {
    String r = Iam.newRealm("attrs");
    Reply profile =
        Iam.admin(
            "PUT",
            "/" + r + "/user-profile",
            "{\"attributes\":[{\"name\":\"department\",\"multiValued\":true}]}");
    assertEquals(200, profile.status(), profile.body());
    assertEquals(
        201,
        create(r, "{\"username\":\"u1\",\"attributes\":{\"department\":[\"R&D\",\"Ops\"]}}")
            .status());
    create(r, "{\"username\":\"u2\",\"attributes\":{\"department\":[\"Sales\"]}}");
    assertEquals(
        List.of("u1"),
        names(Iam.admin("GET", users(r) + "?attribute=" + Iam.enc("department:Ops"), null)));
    assertEquals(
        List.of(),
        names(Iam.admin("GET", users(r) + "?attribute=" + Iam.enc("department:op"), null)));
  }

  /**
   * q= is answered branch by branch (username, e-mail like or unlike the username, first and last
   * names by distinct value): every way a user can match is found once, in username order.
   */
  @Test
  void listWhenQueryMatchesThroughEveryFieldThenEachUserOnceInUsernameOrder() {
    String r = Iam.newRealm("search-branches");
    create(r, "{\"username\":\"zed\",\"email\":\"zed@x.example\",\"firstName\":\"Anna\"}");
    create(r, "{\"username\":\"an\",\"email\":\"an.other@x.example\"}");
    create(r, "{\"username\":\"yan\",\"email\":\"anonymous@x.example\"}");
    create(r, "{\"username\":\"xavier\",\"lastName\":\"Anders\",\"firstName\":\"Annabel\"}");
    create(r, "{\"username\":\"anton\",\"firstName\":\"Anton\",\"lastName\":\"Andersen\"}");
    create(r, "{\"username\":\"bea\",\"firstName\":\"Bea\",\"email\":\"bea@an.example\"}");
    assertEquals(
        List.of("an", "anton", "xavier", "yan", "zed"),
        names(Iam.admin("GET", users(r) + "?q=AN", null)));
    assertEquals(List.of("an"), names(Iam.admin("GET", users(r) + "?q=an.o", null)));
    assertEquals(List.of("xavier", "zed"), names(Iam.admin("GET", users(r) + "?q=anna", null)));
    assertEquals(List.of("anton", "xavier"), names(Iam.admin("GET", users(r) + "?q=ANDER", null)));
    Reply page = Iam.admin("GET", users(r) + "?q=an&limit=2&offset=2", null);
    assertEquals(List.of("xavier", "yan"), names(page));
    assertEquals(5L, ((Number) page.json().get("total")).longValue());
    assertEquals(null, page.json().get("totalCapped"));
    assertEquals(
        List.of("zed"), names(Iam.admin("GET", users(r) + "?q=an&enabled=true&after=yan", null)));
    create(r, "{\"username\":\"quoted\",\"lastName\":\"O'Brien\\\\x\"}");
    assertEquals(
        List.of("quoted"), names(Iam.admin("GET", users(r) + "?q=" + Iam.enc("o'brien\\"), null)));
    assertEquals(List.of(), names(Iam.admin("GET", users(r) + "?q=" + Iam.enc("'\\'"), null)));
    for (String q : List.of("a?b", "?", "x--", "/*", "$$", ":name")) {
      assertEquals(List.of(), names(Iam.admin("GET", users(r) + "?q=" + Iam.enc(q), null)), q);
    }
    assertProblem(Iam.admin("GET", users(r) + "?q=a%00", null), 400, null);
  }

  /** after= walks the listing by username; users added meanwhile neither repeat nor vanish. */
  @Test
  void listWhenPagedByCursorThenStableUnderInserts() {
    String r = Iam.newRealm("search-cursor");
    for (String name : List.of("c1", "c2", "c3", "c4", "c5")) {
      create(r, "{\"username\":\"" + name + "\"}");
    }
    Reply first = Iam.admin("GET", users(r) + "?limit=2", null);
    assertEquals(List.of("c1", "c2"), names(first));
    assertEquals("c2", first.json().get("next"));
    create(r, "{\"username\":\"c0\"}");
    Reply second = Iam.admin("GET", users(r) + "?limit=2&after=c2", null);
    assertEquals(List.of("c3", "c4"), names(second));
    Reply last = Iam.admin("GET", users(r) + "?limit=2&after=" + second.json().get("next"), null);
    assertEquals(List.of("c5"), names(last));
    assertEquals(null, last.json().get("next"));
    assertEquals(List.of("c3"), names(Iam.admin("GET", users(r) + "?q=c&limit=1&after=c2", null)));
    assertProblem(Iam.admin("GET", users(r) + "?offset=1&after=c2", null), 400, null);
    assertProblem(Iam.admin("GET", users(r) + "?after=" + "c".repeat(300), null), 400, null);
  }

  @SuppressWarnings("unchecked")
  private static List<String> names(Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    return reply.items().stream().map(u -> (String) u.get("username")).toList();
  }

  @Test
  void patchWhenFieldsSentThenOnlyThoseChangeAndNullClears() {
    Reply created =
        create(realm, "{\"username\":\"patchy\",\"firstName\":\"Pat\",\"lastName\":\"Chy\"}");
    String path = users(realm) + "/" + created.string("id");
    Reply patched =
        Iam.admin(
            "PATCH",
            path,
            "{\"lastName\":null,\"nickname\":\"P\"}",
            ifMatch(created.header("ETag")));
    assertEquals(200, patched.status(), patched.body());
    assertEquals("Pat", patched.string("firstName"));
    assertNull(patched.json().get("lastName"));
    assertEquals("P", patched.string("nickname"));
    assertFalse(created.header("ETag").equals(patched.header("ETag")));
    assertProblem(
        Iam.admin("PATCH", path, "{\"nickname\":\"Q\"}", ifMatch(created.header("ETag"))),
        412,
        null);
    assertProblem(Iam.admin("PATCH", path, "{\"username\":null}"), 400, null);
    assertProblem(Iam.admin("PATCH", path, "{\"email\":12}"), 400, null);
  }

  @Test
  void putWhenWholeRepresentationThenOmittedFieldsReset() {
    Reply created =
        create(realm, "{\"username\":\"putty\",\"firstName\":\"Put\",\"nickname\":\"P\"}");
    String id = created.string("id");
    String path = users(realm) + "/" + id;
    Reply put =
        Iam.admin(
            "PUT",
            path,
            "{\"id\":\"" + id + "\",\"username\":\"putty2\",\"firstName\":\"Put\"}",
            ifMatch(created.header("ETag")));
    assertEquals(200, put.status(), put.body());
    assertEquals("putty2", put.string("username"));
    assertNull(put.json().get("nickname"));
    assertProblem(
        Iam.admin("PUT", path, "{\"id\":\"" + UUID.randomUUID() + "\",\"username\":\"x\"}"),
        400,
        null);
    assertProblem(Iam.admin("PUT", path, "{\"firstName\":\"no username\"}"), 400, null);
  }

  @Test
  void patchWhenUsernameTakenThen409AndNothingChanged() {
    newUser(realm, "taken-name");
    String id = newUser(realm, "renamer");
    assertProblem(
        Iam.admin(
            "PATCH", users(realm) + "/" + id, "{\"username\":\"Taken-Name\",\"nickname\":\"n\"}"),
        409,
        "#/username");
    Reply after = Iam.admin("GET", users(realm) + "/" + id, null);
    assertEquals("renamer", after.string("username"));
    assertNull(after.json().get("nickname"));
  }

  @Test
  void deleteWhenUserHasPasswordThenUserAndCredentialsGone() throws Exception {
    Reply created = create(realm, "{\"username\":\"doomed\",\"password\":\"Zebra-but-long-9\"}");
    assertEquals(201, created.status(), created.body());
    String id = created.string("id");
    assertEquals(1, credentials(id));
    assertProblem(
        Iam.admin("DELETE", users(realm) + "/" + id, null, ifMatch("\"999\"")), 412, null);
    assertEquals(204, Iam.admin("DELETE", users(realm) + "/" + id, null).status());
    assertEquals(404, Iam.admin("GET", users(realm) + "/" + id, null).status());
    assertEquals(0, credentials(id));
  }

  @Test
  void setPasswordWhenValidThen204AndStoredAsArgon2id() throws Exception {
    String id = newUser(realm, "pw-user");
    String path = users(realm) + "/" + id + "/password";
    assertEquals(
        204,
        Iam.admin("POST", path, "{\"password\":\"Correct-horse-battery-9\",\"temporary\":true}")
            .status());
    try (Connection db = Iam.database();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT type, secret_data, temporary FROM credential WHERE user_id = ?")) {
      query.setString(1, id);
      try (ResultSet rows = query.executeQuery()) {
        assertTrue(rows.next());
        assertEquals("password", rows.getString(1));
        assertTrue(rows.getString(2).startsWith("$argon2id$"));
        assertTrue(rows.getBoolean(3));
        assertFalse(rows.next());
      }
    }
    assertEquals(
        204, Iam.admin("POST", path, "{\"password\":\"Another-horse-battery-9\"}").status());
    assertEquals(1, credentials(id));
  }

  @Test
  void setPasswordWhenBadBodyThen400() {
    String id = newUser(realm, "pw-bad");
    String path = users(realm) + "/" + id + "/password";
    assertProblem(Iam.admin("POST", path, "{}"), 400, null);
    assertProblem(Iam.admin("POST", path, "{\"password\":1}"), 400, null);
    assertProblem(
        Iam.admin("POST", path, "{\"password\":\"Long-enough-pass-9\",\"x\":1}"), 400, null);
    assertProblem(
        Iam.admin("POST", path, "{\"password\":\"pw-bad-is-my-password\"}"), 400, "#/password");
    assertProblem(
        Iam.admin("POST", path, "{\"password\":\"" + "Ab1-".repeat(65) + "\"}"), 400, "#/password");
  }

  @Test
  void createWhenSameUsernameConcurrentlyThenExactlyOne201() {
    String r = Iam.newRealm("race-users");
    Iam.adminToken();
    int writers = 8;
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Reply>> replies = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      String variant = i % 2 == 0 ? "racer" : "RACER";
      replies.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
                return create(r, "{\"username\":\"" + variant + "\"}");
              }));
    }
    start.countDown();
    List<Integer> statuses = replies.stream().map(f -> f.join().status()).sorted().toList();
    assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
    assertEquals(writers - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
  }

  @Test
  void auditWhenUserChangedThenEventsWithoutPassword() {
    String r = Iam.newRealm("audited");
    Reply created = create(r, "{\"username\":\"audited\",\"password\":\"Quiet-harbour-77\"}");
    assertEquals(201, created.status(), created.body());
    String id = created.string("id");
    Iam.admin("PATCH", users(r) + "/" + id, "{\"firstName\":\"A\"}");
    Iam.admin("POST", users(r) + "/" + id + "/password", "{\"password\":\"Quiet-harbour-78\"}");
    Iam.admin("DELETE", users(r) + "/" + id, null);
    Reply audit = Iam.admin("GET", "/" + r + "/audit?limit=200", null);
    assertEquals(200, audit.status());
    for (String type :
        List.of("USER_CREATED", "USER_UPDATED", "USER_PASSWORD_SET", "USER_DELETED")) {
      assertTrue(audit.body().contains("\"" + type + "\""), type + " in " + audit.body());
    }
    assertFalse(audit.body().contains("Quiet-harbour"));
    assertFalse(audit.body().contains("argon2"));
  }

  private static int credentials(String userId) throws Exception {
    try (Connection db = Iam.database();
        PreparedStatement query =
            db.prepareStatement("SELECT count(*) FROM credential WHERE user_id = ?")) {
      query.setString(1, userId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
