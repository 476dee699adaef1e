package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.junit.jupiter.api.Test;

/**
 * Staged signing-key rotation: publish, then activate, then retire; tokens in flight keep
 * verifying, and the key that stopped signing retires only after they expired, unless forced.
 */
class KeyRotationIT {

  @SuppressWarnings("unchecked")
  static List<String> jwksKids(String realm) {
    Reply reply = Iam.get("/realms/" + realm + "/oauth2/jwks");
    return ((List<Map<String, Object>>) reply.json().get("keys"))
        .stream().map(k -> (String) k.get("kid")).collect(Collectors.toList());
  }

  static String kidOf(String token) throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setCompactSerialization(token);
    return jws.getKeyIdHeaderValue();
  }

  static Reply retire(String realm, String kid, String query) {
    return Iam.admin("POST", "/" + realm + "/keys/" + kid + "/retire" + query, null);
  }

  static Map<String, Object> key(String realm, String kid) {
    return Iam.admin("GET", "/" + realm + "/keys", null).items().stream()
        .filter(k -> kid.equals(k.get("kid")))
        .findFirst()
        .orElseThrow();
  }

  /** Adds a key and activates it; returns the kid that signed before. */
  static String rotate(String realm) {
    String before = (String) activeKey(realm).get("kid");
    String next = Iam.admin("POST", "/" + realm + "/keys", null).string("kid");
    assertEquals(
        200, Iam.admin("POST", "/" + realm + "/keys/" + next + "/activate", null).status());
    return before;
  }

  static Map<String, Object> activeKey(String realm) {
    return Iam.admin("GET", "/" + realm + "/keys", null).items().stream()
        .filter(k -> "ACTIVE".equals(k.get("status")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void rotationWhenStagedThenPublishedBeforeSigningAndOldKeyKeptUntilRetired() throws Exception {
    String realm = Iam.newRealm("keys");
    String secret = Iam.newClient(realm, "svc", "[]", "[]");
    String oldToken = Iam.clientToken(realm, "svc", secret);
    String oldKid = kidOf(oldToken);
    assertEquals(List.of(oldKid), jwksKids(realm));

    Reply added = Iam.admin("POST", "/" + realm + "/keys", null);
    assertEquals(201, added.status());
    assertEquals("NEXT", added.string("status"));
    String newKid = added.string("kid");
    assertTrue(jwksKids(realm).containsAll(List.of(oldKid, newKid)), "published before it signs");
    assertEquals(oldKid, kidOf(Iam.clientToken(realm, "svc", secret)), "old key still signs");

    Reply activated = Iam.admin("POST", "/" + realm + "/keys/" + newKid + "/activate", null);
    assertEquals(200, activated.status());
    assertEquals("ACTIVE", activated.string("status"));
    String newToken = Iam.clientToken(realm, "svc", secret);
    assertEquals(newKid, kidOf(newToken));
    assertTrue(jwksKids(realm).contains(oldKid), "previous key stays published");
    JwtConsumer verifier = ClientCredentialsIT.verifierFor(realm);
    verifier.processToClaims(oldToken);
    verifier.processToClaims(newToken);
    assertEquals("PASSIVE", key(realm, oldKid).get("status"));
    assertEquals("ACTIVE", key(realm, newKid).get("status"));

    assertEquals(409, retire(realm, newKid, "").status(), "the active key never retires");
    assertEquals(409, retire(realm, oldKid, "").status(), "its tokens may still be live");
    Reply retired = retire(realm, oldKid, "?force=true");
    assertEquals(200, retired.status());
    assertEquals("RETIRED", retired.string("status"));
    assertEquals(List.of(newKid), jwksKids(realm));
    assertEquals(409, retire(realm, oldKid, "?force=true").status(), "retired already");
    assertEquals(404, Iam.admin("POST", "/" + realm + "/keys/no-such-kid/activate", null).status());
    assertNotEquals(oldKid, newKid);
  }

  @Test
  void retireWhenStoppedSigningTooRecentlyThen409SayingWhen() {
    String realm = Iam.newRealm("keys-wait");
    String old = rotate(realm);
    Map<String, Object> passive = key(realm, old);
    Instant stopped = Instant.parse((String) passive.get("stoppedSigningAt"));
    Instant retirable = Instant.parse((String) passive.get("retirableAt"));
    // the realm's access-token lifetime (300 s by default) plus 30 s key ring and 60 s JWKS caches
    assertEquals(Duration.ofSeconds(300 + 30 + 60), Duration.between(stopped, retirable));

    Reply refused = retire(realm, old, "");

    assertEquals(409, refused.status());
    assertEquals("application/problem+json", refused.header("Content-Type"));
    assertEquals(409L, ((Number) refused.json().get("status")).longValue());
    assertEquals(retirable, Instant.parse(refused.string("retirableAt")));
    long retryAfter = Long.parseLong(refused.header("Retry-After"));
    assertTrue(retryAfter > 0 && retryAfter <= 391, "Retry-After " + retryAfter);
    assertTrue(jwksKids(realm).contains(old), "still published");
  }

  @Test
  void retireWhenForcedThenAuditedAsForced() {
    String realm = Iam.newRealm("keys-force");
    String old = rotate(realm);

    assertEquals(200, retire(realm, old, "?force=true").status());

    List<Map<String, Object>> events =
        Iam.admin("GET", "/" + realm + "/audit?type=KEY_RETIRED", null).items();
    assertEquals(1, events.size());
    assertEquals(old, events.get(0).get("target"));
    @SuppressWarnings("unchecked")
    Map<String, Object> details = (Map<String, Object>) events.get(0).get("details");
    assertEquals("true", details.get("force"));
  }

  @Test
  void retireWhenNextKeyThenRetiredAtOnceWithoutForce() {
    String realm = Iam.newRealm("keys-next");
    String next = Iam.admin("POST", "/" + realm + "/keys", null).string("kid");

    Reply retired = retire(realm, next, "");

    assertEquals(200, retired.status());
    assertNotNull(retired.string("retiredAt"));
    assertTrue(!jwksKids(realm).contains(next));
  }

  @Test
  void retireWhenForceNotABooleanThen400Problem() {
    String realm = Iam.newRealm("keys-bad");
    String old = rotate(realm);
    for (String value : List.of("yes", "1", "TRUE", "%00")) {
      Reply reply = retire(realm, old, "?force=" + value);
      assertEquals(400, reply.status(), value);
      assertEquals("application/problem+json", reply.header("Content-Type"));
    }
    assertEquals("PASSIVE", key(realm, old).get("status"), "nothing retired");
  }

  @Test
  void keysWhenKidMalformedThen404Problem() {
    String realm = Iam.newRealm("keys-kid");
    for (String kid : List.of("%20", "a.b", "x".repeat(200), "%E2%82%AC")) {
      Reply reply = Iam.admin("POST", "/" + realm + "/keys/" + kid + "/activate", null);
      assertEquals(404, reply.status(), kid);
      assertEquals("application/problem+json", reply.header("Content-Type"));
    }
  }

  @Test
  void keysWhenOtherRealmsKidThen404() {
    String a = Iam.newRealm("keys-a");
    String b = Iam.newRealm("keys-b");
    String kidOfA = jwksKids(a).get(0);
    assertEquals(404, Iam.admin("POST", "/" + b + "/keys/" + kidOfA + "/retire", null).status());
    assertEquals(404, Iam.admin("GET", "/no-such-realm/keys", null).status());
  }
}
