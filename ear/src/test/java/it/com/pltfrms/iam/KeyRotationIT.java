package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.junit.jupiter.api.Test;

/**
 * Staged signing-key rotation: publish, then activate, then retire; tokens in flight keep
 * verifying.
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

    Reply list = Iam.admin("GET", "/" + realm + "/keys", null);
    Map<String, String> statuses =
        list.items().stream()
            .collect(Collectors.toMap(k -> (String) k.get("kid"), k -> (String) k.get("status")));
    assertEquals("PASSIVE", statuses.get(oldKid));
    assertEquals("ACTIVE", statuses.get(newKid));

    assertEquals(
        409, Iam.admin("POST", "/" + realm + "/keys/" + newKid + "/retire", null).status());
    Reply retired = Iam.admin("POST", "/" + realm + "/keys/" + oldKid + "/retire", null);
    assertEquals(200, retired.status());
    assertEquals(List.of(newKid), jwksKids(realm));
    assertEquals(
        409, Iam.admin("POST", "/" + realm + "/keys/" + oldKid + "/retire", null).status());
    assertEquals(404, Iam.admin("POST", "/" + realm + "/keys/no-such-kid/activate", null).status());
    assertNotEquals(oldKid, newKid);
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
