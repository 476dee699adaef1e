package it.com.pltfrms.iam;

import static it.com.pltfrms.iam.AccessFixtures.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin API over a user's SSO sessions: list, end one, end all, realm isolation, and the
 * sessions' end with their user. Until hosted login exists, sessions are written the way the
 * session service writes them, straight into the database (SessionServiceArquillianIT covers the
 * service itself).
 */
class SessionsAdminIT {

  static String realm;
  static String realmId;

  @BeforeAll
  static void realm() {
    realm = Iam.newRealm("sess");
    realmId = Iam.admin("GET", "/" + realm, null).string("id");
  }

  private static String path(String userId) {
    return "/" + realm + "/users/" + userId + "/sessions";
  }

  /** A session row as SessionService.create writes it; returns {id, cookie hash}. */
  private static String[] session(String userId, Duration age) throws Exception {
    String id = UUID.randomUUID().toString();
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(UUID.randomUUID().toString().getBytes()));
    Instant created = Instant.now().minus(age);
    try (Connection db = Iam.database();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO sso_session (id, realm_id, user_id, cookie_hash, created_at,"
                    + " last_seen_at, auth_time, idle_expires_at, expires_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, realmId);
      insert.setString(3, userId);
      insert.setString(4, hash);
      insert.setTimestamp(5, Timestamp.from(created));
      insert.setTimestamp(6, Timestamp.from(created));
      insert.setTimestamp(7, Timestamp.from(created));
      insert.setTimestamp(8, Timestamp.from(created.plus(Duration.ofMinutes(30))));
      insert.setTimestamp(9, Timestamp.from(created.plus(Duration.ofHours(10))));
      insert.executeUpdate();
    }
    return new String[] {id, hash};
  }

  private static void served(String sessionId, String clientUuid) throws Exception {
    try (Connection db = Iam.database();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO sso_session_client (session_id, client_id, first_issued_at,"
                    + " last_issued_at) VALUES (?, ?, now(), now())")) {
      insert.setString(1, sessionId);
      insert.setString(2, clientUuid);
      insert.executeUpdate();
    }
  }

  private static long rows(String sql, String parameter) throws Exception {
    try (Connection db = Iam.database();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, parameter);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void listWhenNoSessionsThenEmpty() {
    String user = newUser(realm, "nosessions");
    Reply reply = Iam.admin("GET", path(user), null);
    assertEquals(200, reply.status(), reply.body());
    assertEquals(List.of(), reply.items());
    assertEquals(0L, ((Number) reply.json().get("total")).longValue());
  }

  @Test
  void listWhenSessionsThenLiveOnesNewestFirstWithClientsAndNoHash() throws Exception {
    String user = newUser(realm, "lister");
    String[] older = session(user, Duration.ofMinutes(5));
    String[] newer = session(user, Duration.ofMinutes(1));
    String[] idle = session(user, Duration.ofMinutes(45));
    Iam.newClient(realm, "portal", "[]", "[]");
    String portal = Iam.admin("GET", "/" + realm + "/clients/portal", null).string("id");
    served(newer[0], portal);

    Reply reply = Iam.admin("GET", path(user), null);
    assertEquals(200, reply.status(), reply.body());
    List<Map<String, Object>> items = reply.items();
    assertEquals(List.of(newer[0], older[0]), items.stream().map(i -> i.get("id")).toList());
    assertEquals(user, items.get(0).get("userId"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> clients = (List<Map<String, Object>>) items.get(0).get("clients");
    assertEquals("portal", clients.get(0).get("clientId"));
    assertEquals(portal, clients.get(0).get("id"));
    for (String[] s : List.of(older, newer, idle)) {
      assertFalse(reply.body().contains(s[1]), "never a cookie hash");
    }
    assertFalse(reply.body().contains(idle[0]), "an idle session has ended");
  }

  @Test
  void endWhenOneThenGoneAndAudited() throws Exception {
    String user = newUser(realm, "ender");
    String[] first = session(user, Duration.ZERO);
    String[] second = session(user, Duration.ZERO);

    assertEquals(204, Iam.admin("DELETE", path(user) + "/" + first[0], null).status());

    assertEquals(
        List.of(second[0]),
        Iam.admin("GET", path(user), null).items().stream().map(i -> i.get("id")).toList());
    assertEquals(404, Iam.admin("DELETE", path(user) + "/" + first[0], null).status());
    Reply audit = Iam.admin("GET", "/" + realm + "/audit?type=SESSION_ENDED", null);
    assertTrue(audit.body().contains(first[0]), audit.body());
    assertFalse(audit.body().contains(first[1]));
  }

  @Test
  void endAllWhenSessionsThenNoneLeftAndAudited() throws Exception {
    String user = newUser(realm, "endall");
    session(user, Duration.ZERO);
    session(user, Duration.ZERO);
    String other = newUser(realm, "bystander");
    String[] kept = session(other, Duration.ZERO);

    assertEquals(204, Iam.admin("DELETE", path(user), null).status());
    assertEquals(204, Iam.admin("DELETE", path(user), null).status(), "none left is fine");

    assertEquals(List.of(), Iam.admin("GET", path(user), null).items());
    assertEquals(1, Iam.admin("GET", path(other), null).items().size());
    assertEquals(1, rows("SELECT count(*) FROM sso_session WHERE id = ?", kept[0]));
    Reply audit = Iam.admin("GET", "/" + realm + "/audit?type=USER_SESSIONS_ENDED", null);
    assertTrue(audit.body().contains("\"count\":\"2\""), audit.body());
  }

  @Test
  void endWhenSessionOfAnotherUserThenNotFoundAndKept() throws Exception {
    String alice = newUser(realm, "alice-s");
    String bob = newUser(realm, "bob-s");
    String[] bobs = session(bob, Duration.ZERO);
    assertEquals(404, Iam.admin("DELETE", path(alice) + "/" + bobs[0], null).status());
    assertEquals(1, rows("SELECT count(*) FROM sso_session WHERE id = ?", bobs[0]));
  }

  @Test
  void sessionsWhenUserUnknownOrIdMalformedThenNotFound() {
    String ghost = UUID.randomUUID().toString();
    assertEquals(404, Iam.admin("GET", path(ghost), null).status());
    assertEquals(404, Iam.admin("DELETE", path(ghost), null).status());
    String user = newUser(realm, "badids");
    for (String bad : List.of("not-a-uuid", UUID.randomUUID().toString(), "x".repeat(300))) {
      assertEquals(404, Iam.admin("DELETE", path(user) + "/" + bad, null).status(), bad);
    }
    assertEquals(404, Iam.admin("GET", path("x".repeat(300)), null).status());
    assertEquals(400, Iam.admin("GET", path("%00"), null).status());
  }

  @Test
  void sessionsWhenUserOfAnotherRealmThenNotFound() throws Exception {
    String user = newUser(realm, "isolated");
    String[] held = session(user, Duration.ZERO);
    String other = Iam.newRealm("sess-other");
    String elsewhere = "/" + other + "/users/" + user + "/sessions";
    assertEquals(404, Iam.admin("GET", elsewhere, null).status());
    assertEquals(404, Iam.admin("DELETE", elsewhere, null).status());
    assertEquals(404, Iam.admin("DELETE", elsewhere + "/" + held[0], null).status());
    assertEquals(
        404, Iam.admin("GET", "/no-such-realm/users/" + user + "/sessions", null).status());
    assertEquals(1, rows("SELECT count(*) FROM sso_session WHERE id = ?", held[0]));
  }

  @Test
  void deleteUserWhenSessionsThenTheyGoInTheSameTransaction() throws Exception {
    String user = newUser(realm, "leaver");
    String[] held = session(user, Duration.ZERO);
    Iam.newClient(realm, "leaver-app", "[]", "[]");
    served(held[0], Iam.admin("GET", "/" + realm + "/clients/leaver-app", null).string("id"));

    assertEquals(204, Iam.admin("DELETE", "/" + realm + "/users/" + user, null).status());

    assertEquals(0, rows("SELECT count(*) FROM sso_session WHERE user_id = ?", user));
    assertEquals(0, rows("SELECT count(*) FROM sso_session_client WHERE session_id = ?", held[0]));
  }
}
