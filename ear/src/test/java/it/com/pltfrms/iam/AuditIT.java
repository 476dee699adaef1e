package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The audit trail: what is recorded, how it is queried, that it never holds a secret, that the
 * database refuses changes, and that the hash chain exposes a row altered behind its back.
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
    Iam.token(realm, Iam.params("grant_type", "client_credentials"), Iam.basic("svc", "wrong"));
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
                    "TOKEN_ISSUED",
                    "CLIENT_AUTH_FAILED")),
        types(all).toString());

    Reply failures = Iam.admin("GET", "/" + realm + "/audit?type=CLIENT_AUTH_FAILED", null);
    assertEquals(Set.of("CLIENT_AUTH_FAILED"), types(failures));
    Map<String, Object> failure = failures.items().get(0);
    assertEquals("FAILURE", failure.get("outcome"));
    assertEquals("svc", failure.get("actor"));
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
    assertFalse(body.contains(secret));
    assertFalse(body.contains(rotated));
    assertFalse(body.contains(token));
    assertFalse(body.contains(token.split("\\.")[2]));
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
  void exportWhenChainSealedThenAnOutsiderCanRecomputeEveryLink() throws Exception {
    String realm = Iam.newRealm("export");
    Iam.newClient(realm, "a", "[]", "[]");
    Iam.newClient(realm, "b", "[]", "[]");
    Iam.admin(
        "PATCH", "/" + realm + "/clients/b", "{\"displayName\":\"a/b \\\"quoted\\\" \\\\ é\"}");
    Reply export = Iam.admin("GET", "/" + realm + "/audit/export", null);
    assertEquals(200, export.status());
    assertTrue(export.header("Content-Type").startsWith("application/x-ndjson"));
    String[] lines = export.body().strip().split("\n");
    assertEquals(5, lines.length);

    // Recompute the chain from the export alone: H(previous hash || canonical event).
    String previous = "0".repeat(64);
    for (int i = 0; i < lines.length; i++) {
      Map<String, Object> event = org.jose4j.json.JsonUtil.parseJson(lines[i]);
      assertEquals(i + 1L, ((Number) event.get("chainSeq")).longValue());
      assertEquals(previous, event.get("prevHash"));
      java.util.TreeMap<String, Object> canonical = new java.util.TreeMap<>();
      for (String key :
          List.of(
              "id",
              "realmId",
              "realmName",
              "type",
              "occurredAt",
              "actor",
              "target",
              "outcome",
              "details")) {
        Object value = event.get(key);
        canonical.put(key, value == null ? null : String.valueOf(value));
      }
      java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
      sha256.update(previous.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      sha256.update(canonicalJson(canonical).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String hash = java.util.HexFormat.of().formatHex(sha256.digest());
      assertEquals(event.get("hash"), hash, "link " + (i + 1));
      previous = hash;
    }
    assertEquals(404, Iam.admin("GET", "/no-such-realm/audit/export", null).status());
  }

  /** The canonical form the server documents: sorted keys, no spaces, strings or null. */
  private static String canonicalJson(java.util.SortedMap<String, Object> values) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, Object> e : values.entrySet()) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append('"').append(e.getKey()).append("\":");
      out.append(e.getValue() == null ? "null" : quote((String) e.getValue()));
    }
    return out.append('}').toString();
  }

  /** JSON string escaping as documented: only quote, backslash and control characters. */
  private static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
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
    assertEquals(5L, ((Number) verified.json().get("checked")).longValue());

    long victim =
        Iam.admin("GET", "/" + realm + "/audit?type=CLIENT_CREATED", null).items().stream()
            .filter(e -> "b".equals(e.get("target")))
            .map(e -> ((Number) e.get("id")).longValue())
            .findFirst()
            .orElseThrow();
    try (Connection db = Iam.database()) {
      // The table is append-only: the database itself refuses a plain change or delete.
      try (Statement plain = db.createStatement()) {
        assertThrows(
            SQLException.class,
            () ->
                plain.executeUpdate(
                    "UPDATE audit_event SET actor = 'mallory' WHERE id = " + victim));
        assertThrows(
            SQLException.class,
            () -> plain.executeUpdate("DELETE FROM audit_event WHERE id = " + victim));
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

    Reply broken = Iam.admin("GET", "/" + realm + "/audit/verify", null);
    assertEquals(200, broken.status());
    assertEquals(Boolean.FALSE, broken.json().get("valid"));
    assertEquals(victim, ((Number) broken.json().get("brokenAtId")).longValue());
    assertTrue(((String) broken.json().get("reason")).contains("hash"));

    Reply otherRealm = Iam.admin("GET", "/" + Iam.newRealm("intact") + "/audit/verify", null);
    assertEquals(Boolean.TRUE, otherRealm.json().get("valid"), "chains are per realm");
  }
}
