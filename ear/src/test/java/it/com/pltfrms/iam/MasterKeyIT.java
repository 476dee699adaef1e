package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The master key of zero-setup mode and its operator endpoints: the generated key file is
 * owner-only and its id (documented in the README) names it in every envelope; {@code GET
 * /admin/master-key} and {@code POST /admin/master-key/reseal} answer admins only; readiness goes
 * DOWN while an active key does not open, and the JWKS is served all the same.
 */
class MasterKeyIT {

  static final Path KEY_FILE = Path.of("target", "it-data", "master.key");

  static Reply masterKey(String method, String path) {
    return Iam.send(
        Iam.request("/admin/master-key" + path)
            .header("Authorization", "Bearer " + Iam.adminToken())
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build());
  }

  /** The README's recipe: base64url of SHA-256("iam-master-key-id" || key), 16 characters. */
  static String idOf(String base64Key) throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update("iam-master-key-id".getBytes(StandardCharsets.US_ASCII));
    byte[] digest = sha256.digest(Base64.getDecoder().decode(base64Key.trim()));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
  }

  @Test
  void keyFileWhenZeroSetupThenOwnerOnly() throws Exception {
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(KEY_FILE)));
  }

  @Test
  void statusWhenZeroSetupThenEverythingSealedUnderTheGeneratedKey() throws Exception {
    Reply status = masterKey("GET", "");

    assertEquals(200, status.status());
    String id = idOf(Files.readString(KEY_FILE));
    assertEquals(id, status.string("masterKeyId"));
    assertEquals(0L, ((Number) status.json().get("toReseal")).longValue());
    assertEquals(Boolean.FALSE, status.json().get("previousStillNeeded"));
    assertFalse(status.json().containsKey("previousMasterKeyId"));
    @SuppressWarnings("unchecked")
    Map<String, Object> sealedUnder = (Map<String, Object>) status.json().get("sealedUnder");
    assertEquals(List.of(id), List.copyOf(sealedUnder.keySet()));
  }

  @Test
  void resealWhenNothingToDoThenNothingLeft() {
    Reply reseal = masterKey("POST", "/reseal");

    assertEquals(200, reseal.status());
    assertEquals(0L, ((Number) reseal.json().get("remaining")).longValue());
    assertEquals(List.of(), reseal.json().get("failedRealms"));
  }

  @Test
  void masterKeyWhenNoTokenThen401() {
    Reply reply = Iam.send(Iam.request("/admin/master-key").GET().build());
    assertEquals(401, reply.status());
    assertEquals(
        401,
        Iam.send(
                Iam.request("/admin/master-key/reseal")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build())
            .status());
  }

  @Test
  void logWhenServerRanThenMasterKeyNeverPrinted() throws Exception {
    assertFalse(ServerLog.read().contains(Files.readString(KEY_FILE).trim()));
  }

  @Test
  void readinessWhenActiveKeyDoesNotOpenThenDownAndJwksStillServed() throws Exception {
    String realm = Iam.newRealm("mk-ready");
    String realmId = Iam.admin("GET", "/" + realm, null).string("id");
    String kid = KeyRotationIT.jwksKids(realm).get(0);
    String original = envelope(kid);
    String clientSecret = Iam.newClient(realm, "svc", "[]", "[]");
    // the same envelope, naming a master key this node does not hold
    String foreign = "v2.AAAAAAAAAAAAAAAA." + original.substring(original.indexOf('.', 3) + 1);
    try {
      setEnvelope(realmId, kid, foreign);

      assertEquals("DOWN", readinessWithin(20, "DOWN"));
      Reply jwks = Iam.get("/realms/" + realm + "/oauth2/jwks");
      assertEquals(200, jwks.status(), "the JWKS needs no private key");
      assertTrue(jwks.body().contains(kid));
      Reply token =
          Iam.token(
              realm,
              Iam.params("grant_type", "client_credentials"),
              Iam.basic("svc", clientSecret));
      token.assertOAuthError(503, "temporarily_unavailable");
    } finally {
      setEnvelope(realmId, kid, original);
    }
    assertEquals("UP", readinessWithin(20, "UP"));
  }

  /** The signing-keys readiness check's status once it is {@code expected}, or after the wait. */
  @SuppressWarnings("unchecked")
  private static String readinessWithin(int seconds, String expected) throws Exception {
    String status = null;
    for (int i = 0; i < seconds * 2 && !expected.equals(status); i++) {
      Reply ready = Iam.get("/health/ready");
      List<Map<String, Object>> checks = (List<Map<String, Object>>) ready.json().get("checks");
      status =
          checks.stream()
              .filter(c -> "signing-keys".equals(c.get("name")))
              .map(c -> (String) c.get("status"))
              .findFirst()
              .orElse("missing");
      if (expected.equals("DOWN") && status.equals("DOWN")) {
        assertEquals(503, ready.status());
      }
      if (!expected.equals(status)) {
        Thread.sleep(500);
      }
    }
    return status;
  }

  private static String envelope(String kid) throws Exception {
    try (Connection db = Iam.database();
        PreparedStatement query =
            db.prepareStatement("SELECT private_key_sealed FROM signing_key WHERE kid = ?")) {
      query.setString(1, kid);
      try (ResultSet rs = query.executeQuery()) {
        assertTrue(rs.next());
        return rs.getString(1);
      }
    }
  }

  /** Changes the row and tells the server's caches, as another node's change would. */
  private static void setEnvelope(String realmId, String kid, String envelope) throws Exception {
    try (Connection db = Iam.database()) {
      db.setAutoCommit(false);
      try (PreparedStatement update =
              db.prepareStatement("UPDATE signing_key SET private_key_sealed = ? WHERE kid = ?");
          PreparedStatement notify = db.prepareStatement("SELECT pg_notify('iam_cache', ?)")) {
        update.setString(1, envelope);
        update.setString(2, kid);
        assertEquals(1, update.executeUpdate());
        notify.setString(1, "KEYS:" + realmId);
        notify.execute();
      }
      db.commit();
    }
  }
}
