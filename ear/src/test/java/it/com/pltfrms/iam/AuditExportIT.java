package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/**
 * An outsider verifies an exported audit trail with nothing but the export and a JOSE library, as
 * the README describes: recompute every link, check every checkpoint's signature with the JWKS in
 * the export (and the realm's published one), and compare each signed head with the chain.
 */
class AuditExportIT {

  /** The members of the canonical form, per form version (README, "Audit trail"). */
  private static final List<String> VERSION_1 =
      List.of(
          "id",
          "realmId",
          "realmName",
          "type",
          "occurredAt",
          "actor",
          "target",
          "outcome",
          "details");

  private static final List<String> VERSION_2_ADDS = List.of("actorType", "actorId", "formVersion");

  /** The result of checking an export the way the README says. */
  record Outcome(long events, long checkpoints, String problem) {}

  /** Checks an export as an outsider: true links, valid signatures, signed heads on the chain. */
  static Outcome verifyExport(String ndjson) throws Exception {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (String line : ndjson.strip().split("\n")) {
      lines.add(JsonUtil.parseJson(line));
    }
    Map<String, Object> header = lines.get(0);
    assertEquals("header", header.get("record"));
    assertEquals("keys", lines.get(1).get("record"));
    JsonWebKeySet jwks = new JsonWebKeySet(JsonUtil.toJson(cast(lines.get(1).get("jwks"))));
    String previous = "0".repeat(64);
    long expected = ((Number) header.get("fromSeq")).longValue();
    Map<Long, String> hashes = new HashMap<>();
    long events = 0;
    long checkpoints = 0;
    if (header.get("anchor") != null) {
      Map<String, Object> anchor = cast(header.get("anchor"));
      String problem = checkSignature(anchor, jwks);
      if (problem != null) {
        return new Outcome(events, checkpoints, "anchor: " + problem);
      }
      previous = (String) anchor.get("headHash");
    } else if (expected > 1) {
      previous = null; // resumed: the first link is taken from the part downloaded before
    }
    for (Map<String, Object> line : lines.subList(2, lines.size())) {
      if ("event".equals(line.get("record"))) {
        long seq = ((Number) line.get("chainSeq")).longValue();
        if (seq != expected) {
          return new Outcome(events, checkpoints, "position " + expected + " missing");
        }
        if (previous != null && !previous.equals(line.get("prevHash"))) {
          return new Outcome(events, checkpoints, "broken link at " + seq);
        }
        String hash = hash((String) line.get("prevHash"), canonical(line));
        if (!hash.equals(line.get("hash"))) {
          return new Outcome(events, checkpoints, "hash does not match at " + seq);
        }
        hashes.put(seq, hash);
        previous = hash;
        expected++;
        events++;
      } else {
        assertEquals("checkpoint", line.get("record"));
        String problem = checkSignature(line, jwks);
        if (problem != null) {
          return new Outcome(events, checkpoints, problem);
        }
        long seq = ((Number) line.get("seq")).longValue();
        if (!line.get("headHash").equals(hashes.get(seq))) {
          return new Outcome(events, checkpoints, "chain does not reach signed head " + seq);
        }
        checkpoints++;
      }
    }
    return new Outcome(events, checkpoints, null);
  }

  /** Verifies a checkpoint's JWS with the JWKS and compares its payload with the line. */
  private static String checkSignature(Map<String, Object> checkpoint, JsonWebKeySet jwks)
      throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setCompactSerialization((String) checkpoint.get("jws"));
    JsonWebKey key = new VerificationJwkSelector().select(jws, jwks.getJsonWebKeys());
    if (key == null) {
      return "no key for kid " + jws.getKeyIdHeaderValue();
    }
    jws.setKey(key.getKey());
    if (!jws.verifySignature() || !"audit-checkpoint+json".equals(jws.getHeader("typ"))) {
      return "signature of checkpoint " + checkpoint.get("seq") + " does not verify";
    }
    Map<String, Object> payload = JsonUtil.parseJson(jws.getPayload());
    for (String member : List.of("realmId", "seq", "headHash", "time", "purpose")) {
      if (!String.valueOf(payload.get(member)).equals(String.valueOf(checkpoint.get(member)))) {
        return "checkpoint " + checkpoint.get("seq") + " says otherwise about " + member;
      }
    }
    return null;
  }

  private static Map<String, Object> canonical(Map<String, Object> event) {
    Map<String, Object> members = new TreeMap<>();
    List<String> names = new ArrayList<>(VERSION_1);
    if (((Number) event.get("formVersion")).intValue() == 2) {
      names.addAll(VERSION_2_ADDS);
    }
    for (String name : names) {
      Object value = event.get(name);
      members.put(name, value == null ? null : String.valueOf(value));
    }
    return members;
  }

  /** H(previous || canonical JSON), as documented: sorted keys, no spaces, strings or null. */
  private static String hash(String previous, Map<String, Object> members) throws Exception {
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, Object> e : members.entrySet()) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append('"').append(e.getKey()).append("\":");
      json.append(e.getValue() == null ? "null" : quote((String) e.getValue()));
    }
    json.append('}');
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update(previous.getBytes(StandardCharsets.US_ASCII));
    sha256.update(json.toString().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha256.digest());
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

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object json) {
    return (Map<String, Object>) json;
  }

  private static String exportOf(String realm, String query) {
    Reply export = Iam.admin("GET", "/" + realm + "/audit/export" + query, null);
    assertEquals(200, export.status(), export.body());
    assertTrue(export.header("Content-Type").startsWith("application/x-ndjson"));
    return export.body();
  }

  @Test
  void checkpointWhenRequestedThenCreatedOnceAndListed() {
    String realm = Iam.newRealm("ckpt");
    Iam.newClient(realm, "a", "[]", "[]");

    Reply created = Iam.admin("POST", "/" + realm + "/audit/checkpoints", null);
    Reply again = Iam.admin("POST", "/" + realm + "/audit/checkpoints", null);

    assertTrue(created.status() == 201 || created.status() == 200, created.body());
    long seq = ((Number) created.json().get("seq")).longValue();
    assertEquals(3, seq);
    if (created.status() == 201) {
      assertTrue(created.header("Location").endsWith("/audit/checkpoints/3"));
    }
    assertEquals(200, again.status(), "the head has its checkpoint already");
    assertEquals(created.json().get("jws"), again.json().get("jws"));
    Reply one = Iam.admin("GET", "/" + realm + "/audit/checkpoints/3", null);
    assertEquals(200, one.status());
    assertFalse(one.items().isEmpty());
    Reply list = Iam.admin("GET", "/" + realm + "/audit/checkpoints", null);
    assertEquals(3L, ((Number) list.items().get(0).get("seq")).longValue(), "newest first");
    Reply verify = Iam.admin("GET", "/" + realm + "/audit/verify", null);
    assertEquals(3L, ((Number) cast(verify.json().get("latestCheckpoint")).get("seq")).longValue());
  }

  @Test
  void exportWhenCheckpointedThenAnOutsiderVerifiesLinksAndSignatures() throws Exception {
    String realm = Iam.newRealm("export");
    Iam.newClient(realm, "a", "[]", "[]");
    Iam.newClient(realm, "b", "[]", "[]");
    Iam.admin(
        "PATCH", "/" + realm + "/clients/b", "{\"displayName\":\"a/b \\\"quoted\\\" \\\\ é\"}");
    Iam.admin("POST", "/" + realm + "/audit/checkpoints", null);

    String export = exportOf(realm, "");
    Outcome outcome = verifyExport(export);

    assertEquals(null, outcome.problem());
    assertEquals(5, outcome.events());
    assertTrue(outcome.checkpoints() >= 1);
    // The keys in the export are the realm's own: they match its published JWKS.
    Map<String, Object> keys = JsonUtil.parseJson(export.split("\n")[1]);
    String published = Iam.get("/realms/" + realm + "/oauth2/jwks").body();
    for (Object jwk : (List<?>) cast(keys.get("jwks")).get("keys")) {
      assertTrue(published.contains((String) cast(jwk).get("n")), "published by the realm");
    }
    assertEquals(404, Iam.admin("GET", "/no-such-realm/audit/export", null).status());
  }

  @Test
  void exportWhenResumedFromPositionThenTheRestFollows() throws Exception {
    String realm = Iam.newRealm("resume");
    for (String c : List.of("a", "b", "c")) {
      Iam.newClient(realm, c, "[]", "[]");
    }

    String rest = exportOf(realm, "?fromSeq=4");

    Map<String, Object> header = JsonUtil.parseJson(rest.split("\n")[0]);
    assertEquals(4L, ((Number) header.get("fromSeq")).longValue());
    Outcome outcome = verifyExport(rest);
    assertEquals(null, outcome.problem());
    assertEquals(2, outcome.events());
  }

  @Test
  void exportWhenTailCutOffAfterCheckpointThenOutsiderAndServerBothNotice() throws Exception {
    String realm = Iam.newRealm("cut");
    for (String c : List.of("a", "b", "c")) {
      Iam.newClient(realm, c, "[]", "[]");
    }
    assertEquals(
        5L,
        ((Number) Iam.admin("POST", "/" + realm + "/audit/checkpoints", null).json().get("seq"))
            .longValue());
    String realmId = (String) Iam.admin("GET", "/" + realm, null).json().get("id");

    try (Connection db = Iam.database()) {
      try (Statement s = db.createStatement()) {
        s.execute("SET session_replication_role = replica");
      }
      try (PreparedStatement cut =
          db.prepareStatement("DELETE FROM audit_event WHERE realm_id = ? AND chain_seq > 3")) {
        cut.setString(1, realmId);
        assertEquals(2, cut.executeUpdate());
      }
    }

    Outcome outcome = verifyExport(exportOf(realm, ""));
    assertNotNull(outcome.problem(), "the signed head at 5 is beyond the exported chain");
    Reply server = Iam.admin("GET", "/" + realm + "/audit/verify?fromSeq=1", null);
    assertEquals(Boolean.FALSE, server.json().get("valid"));
    assertEquals(
        Boolean.FALSE, Iam.admin("GET", "/" + realm + "/audit/verify", null).json().get("valid"));
  }
}
