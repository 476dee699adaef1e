package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The audit trail: what is recorded (and who did it), how it is queried, that it never holds a
 * secret, that failed client authentication is counted in windows instead of a row per request,
 * that the database refuses changes, and that verification exposes a row altered behind its back.
 */
class AuditIT {

  static Set<String> types(Reply reply) {
    return reply.items().stream().map(i -> (String) i.get("type")).collect(Collectors.toSet());
  }

  @Test
  void auditWhenRealmUsedThenEveryKindOfEventRecorded() {
    String realm = Iam.newRealm("audit");
    String secret = Iam.newClient(realm, "svc", "[\"read\"]", "[]");
    Iam.clientToken(realm, "svc", secret);
    Iam.admin("PATCH", "/" + realm + "/clients/svc", "{\"displayName\":\"Service\"}");
    Iam.admin("POST", "/" + realm + "/clients/svc/secret", null);
    Iam.admin("POST", "/" + realm + "/keys", null);
    Iam.admin("PATCH", "/" + realm, "{\"displayName\":\"Audited\"}");

    Reply all = Iam.admin("GET", "/" + realm + "/audit?limit=200", null);
    assertEquals(200, all.status());
    assertTrue(
        types(all)
            .containsAll(
                List.of(
                    "REALM_CREATED",
                    "REALM_UPDATED",
                    "KEY_CREATED",
                    "CLIENT_CREATED",
                    "CLIENT_UPDATED",
                    "CLIENT_SECRET_ROTATED",
                    "TOKEN_ISSUED")),
        types(all).toString());
  }

  @Test
  void auditWhenClientActsThenRowCarriesActorTypeStableIdAndName() {
    String realm = Iam.newRealm("actor");
    String secret = Iam.newClient(realm, "svc", "[]", "[]");
    Iam.clientToken(realm, "svc", secret);

    Map<String, Object> issued =
        Iam.admin("GET", "/" + realm + "/audit?type=TOKEN_ISSUED", null).items().get(0);
    assertEquals("client", issued.get("actorType"));
    assertEquals("svc", issued.get("actor"));
    String clientUuid = Iam.admin("GET", "/" + realm + "/clients/svc", null).string("id");
    assertEquals(clientUuid, issued.get("actorId"), "the client's stable id, not its client id");
    UUID.fromString(clientUuid);
    Map<String, Object> created =
        Iam.admin("GET", "/" + realm + "/audit?type=CLIENT_CREATED", null).items().get(0);
    assertEquals("client", created.get("actorType"), "the admin client created it");
    assertEquals("iam-admin", created.get("actor"));
  }

  @Test
  void tokenWhenClientAuthenticationFailsThenCountedInOneWindowPerClientAndSource() {
    String realm = Iam.newRealm("flood");
    Iam.newClient(realm, "svc", "[]", "[]");
    for (int i = 0; i < 3; i++) {
      Iam.token(realm, Iam.params("grant_type", "client_credentials"), Iam.basic("svc", "wrong"))
          .assertOAuthError(401, "invalid_client");
    }
    int ghosts = 40;
    for (int i = 0; i < ghosts; i++) {
      Iam.token(
              realm,
              Iam.params("grant_type", "client_credentials"),
              Iam.basic("ghost-" + UUID.randomUUID(), "x"))
          .assertOAuthError(401, "invalid_client");
    }

    List<Map<String, Object>> windows =
        Iam.admin("GET", "/" + realm + "/audit/failures", null).items();
    Map<String, Long> attemptsByBucket =
        windows.stream()
            .collect(
                Collectors.groupingBy(
                    w -> (String) w.get("bucket"),
                    Collectors.summingLong(w -> ((Number) w.get("attempts")).longValue())));
    assertEquals(Map.of("known", 3L, "unknown", (long) ghosts), attemptsByBucket);
    assertTrue(windows.size() <= 4, "one window per bucket and minute: " + windows);
    Map<String, Object> known =
        windows.stream().filter(w -> "known".equals(w.get("bucket"))).findFirst().orElseThrow();
    assertEquals("svc", known.get("actor"));
    assertEquals(Map.of("bad_secret", 3L), longs(known.get("reasons")));
    assertNotNull(known.get("source"));
    assertEquals(
        0,
        ((Number)
                Iam.admin("GET", "/" + realm + "/audit?type=CLIENT_AUTH_FAILED", null)
                    .json()
                    .get("total"))
            .longValue(),
        "no row per request: the window becomes one event when its minute is over");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Long> longs(Object json) {
    return ((Map<String, Object>) json)
        .entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> ((Number) e.getValue()).longValue()));
  }

  @Test
  void auditWhenSecretsUsedThenNoneAppearsInAnyEvent() {
    String realm = Iam.newRealm("nosecret");
    String secret = Iam.newClient(realm, "svc", "[]", "[]");
    String token = Iam.clientToken(realm, "svc", secret);
    String rotated =
        Iam.admin("POST", "/" + realm + "/clients/svc/secret", null).string("clientSecret");
    Iam.token(realm, Iam.params("grant_type", "client_credentials"), Iam.basic("svc", secret));

    String body = Iam.admin("GET", "/" + realm + "/audit?limit=200", null).body();
    String failures = Iam.admin("GET", "/" + realm + "/audit/failures", null).body();
    for (String text : List.of(body, failures)) {
      assertFalse(text.contains(secret));
      assertFalse(text.contains(rotated));
      assertFalse(text.contains(token));
      assertFalse(text.contains(token.split("\\.")[2]));
    }
    assertFalse(
        Iam.admin("GET", "/system/audit?limit=200", null).body().contains(Iam.ADMIN_SECRET));
  }

  @Test
  void auditWhenFilteredByTimeThenOnlyThatWindow() throws Exception {
    String realm = Iam.newRealm("window");
    Thread.sleep(50);
    Instant between = Instant.now();
    Thread.sleep(50);
    Iam.newClient(realm, "late", "[]", "[]");

    Reply before = Iam.admin("GET", "/" + realm + "/audit?to=" + between, null);
    Reply after = Iam.admin("GET", "/" + realm + "/audit?from=" + between, null);
    assertEquals(Set.of("REALM_CREATED", "KEY_CREATED"), types(before));
    assertEquals(Set.of("CLIENT_CREATED"), types(after));

    assertEquals(400, Iam.admin("GET", "/" + realm + "/audit?from=yesterday", null).status());
    assertEquals(
        400,
        Iam.admin("GET", "/" + realm + "/audit?from=" + between + "&to=" + between, null).status());
    assertEquals(400, Iam.admin("GET", "/" + realm + "/audit?limit=-1", null).status());
    assertEquals(404, Iam.admin("GET", "/no-such-realm/audit", null).status());
  }

  @Test
  void auditWhenPagedThenNewestFirst() {
    String realm = Iam.newRealm("pages");
    for (int i = 0; i < 3; i++) {
      Iam.newClient(realm, "c" + i, "[]", "[]");
    }
    Reply page = Iam.admin("GET", "/" + realm + "/audit?offset=0&limit=2", null);
    assertEquals(2, page.items().size());
    assertEquals(5L, ((Number) page.json().get("total")).longValue());
    assertEquals("c2", page.items().get(0).get("target"));
  }

  @Test
  void verifyWhenPositionMalformedThenProblem() {
    String realm = Iam.newRealm("badpos");
    for (String query :
        List.of(
            "verify?fromSeq=abc", "verify?fromSeq=0", "verify?fromSeq=99", "export?fromSeq=-1")) {
      Reply reply = Iam.admin("GET", "/" + realm + "/audit/" + query, null);
      assertEquals(400, reply.status(), query);
      assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), query);
    }
    assertEquals(404, Iam.admin("GET", "/" + realm + "/audit/checkpoints/999", null).status());
    assertEquals(
        Boolean.TRUE,
        Iam.admin("GET", "/" + realm + "/audit/verify", null).json().get("valid"),
        "asking past the head is a bad request, not a break");
    assertEquals(404, Iam.admin("GET", "/no-such-realm/audit/verify", null).status());
  }

  @Test
  void verifyWhenUntouchedThenValidAndWhenRowAlteredThenReportsWhere() throws Exception {
    String realm = Iam.newRealm("chain");
    Iam.newClient(realm, "a", "[]", "[]");
    Iam.newClient(realm, "b", "[]", "[]");
    Iam.newClient(realm, "c", "[]", "[]");

    Reply verified = Iam.admin("GET", "/" + realm + "/audit/verify", null);
    assertEquals(200, verified.status());
    assertEquals(Boolean.TRUE, verified.json().get("valid"));
    assertEquals(Boolean.TRUE, verified.json().get("complete"));
    assertEquals(5L, ((Number) verified.json().get("checked")).longValue());
    assertEquals(5L, ((Number) verified.json().get("headSeq")).longValue());

    long victim =
        Iam.admin("GET", "/" + realm + "/audit?type=CLIENT_CREATED", null).items().stream()
            .filter(e -> "b".equals(e.get("target")))
            .map(e -> ((Number) e.get("id")).longValue())
            .findFirst()
            .orElseThrow();
    try (Connection db = Iam.database()) {
      // The table is append-only: the database itself refuses a plain change, delete or truncate.
      try (Statement plain = db.createStatement()) {
        assertThrows(
            SQLException.class,
            () ->
                plain.executeUpdate(
                    "UPDATE audit_event SET actor = 'mallory' WHERE id = " + victim));
        assertThrows(
            SQLException.class,
            () ->
                plain.executeUpdate(
                    "UPDATE audit_event SET realm_name = 'mallory' WHERE id = " + victim));
        assertThrows(
            SQLException.class,
            () -> plain.executeUpdate("DELETE FROM audit_event WHERE id = " + victim));
        assertThrows(SQLException.class, () -> plain.execute("TRUNCATE audit_event"));
      }
      // A superuser can switch triggers off; the chain still tells.
      try (Statement s = db.createStatement()) {
        s.execute("SET session_replication_role = replica");
      }
      try (PreparedStatement update =
          db.prepareStatement("UPDATE audit_event SET target = 'mallory' WHERE id = ?")) {
        update.setLong(1, victim);
        assertEquals(1, update.executeUpdate());
      }
    }

    // The full check from the first position finds it...
    Reply broken = Iam.admin("GET", "/" + realm + "/audit/verify?fromSeq=1", null);
    assertEquals(200, broken.status());
    assertEquals(Boolean.FALSE, broken.json().get("valid"));
    assertEquals(victim, ((Number) broken.json().get("brokenAtId")).longValue());
    assertTrue(((String) broken.json().get("reason")).contains("hash"));
    // ...and from then on the quick answer says so too.
    Reply after = Iam.admin("GET", "/" + realm + "/audit/verify", null);
    assertEquals(Boolean.FALSE, after.json().get("valid"));
    assertEquals(
        ((Number) broken.json().get("brokenAtChainSeq")).longValue(),
        ((Number) after.json().get("brokenAtChainSeq")).longValue());

    Reply otherRealm = Iam.admin("GET", "/" + Iam.newRealm("intact") + "/audit/verify", null);
    assertEquals(Boolean.TRUE, otherRealm.json().get("valid"), "chains are per realm");
  }
}
