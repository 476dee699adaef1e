package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * The admin API refuses, with 401 {@code invalid_token}, an admin token signed by a key of the
 * system realm that has since been retired, and tokens whose {@code kid} is missing or unknown.
 * Rotates the system realm's keys and puts its original signer back, so the admin token the other
 * tests share keeps working throughout.
 */
class RetiredKeyIT {

  private static void assertInvalidToken(Reply reply) {
    assertEquals(401, reply.status(), reply.body());
    assertTrue(reply.header("WWW-Authenticate").contains("invalid_token"));
  }

  @Test
  void adminWhenTokenSignedByRetiredSystemKeyThen401() throws Exception {
    String original = KeyRotationIT.kidOf(Iam.adminToken());
    String retiredKid = null;
    try {
      // a key that signs an admin token, then is replaced and retired
      retiredKid = Iam.admin("POST", "/system/keys", null).string("kid");
      assertEquals(
          200, Iam.admin("POST", "/system/keys/" + retiredKid + "/activate", null).status());
      String token = Iam.clientToken("system", "iam-admin", Iam.ADMIN_SECRET);
      assertEquals(retiredKid, KeyRotationIT.kidOf(token));
      assertEquals(200, Iam.adminAs(token, "GET", "", null).status(), "valid while published");
      String successor = Iam.admin("POST", "/system/keys", null).string("kid");
      assertEquals(
          200, Iam.admin("POST", "/system/keys/" + successor + "/activate", null).status());
      assertEquals(200, Iam.adminAs(token, "GET", "", null).status(), "valid while PASSIVE");

      assertEquals(200, KeyRotationIT.retire("system", retiredKid, "?force=true").status());

      assertInvalidToken(Iam.adminAs(token, "GET", "", null));
    } finally {
      Iam.admin("POST", "/system/keys/" + original + "/activate", null);
    }
    assertEquals(
        original, KeyRotationIT.kidOf(Iam.clientToken("system", "iam-admin", Iam.ADMIN_SECRET)));
  }

  @Test
  void adminWhenTokenHasNoKidThen401() throws Exception {
    assertInvalidToken(Iam.adminAs(forgedSystemToken(null), "GET", "", null));
  }

  @Test
  void adminWhenTokenHasUnknownKidThen401() throws Exception {
    assertInvalidToken(Iam.adminAs(forgedSystemToken("no-such-kid"), "GET", "", null));
  }

  /** A well-formed admin token of the system realm, signed by a key the server never had. */
  private static String forgedSystemToken(String kid) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    String issuer = Iam.BASE + "/realms/system";
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    claims.setAudience(issuer);
    claims.setSubject("iam-admin");
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(5);
    claims.setStringListClaim("roles", "admin");
    JsonWebSignature jws = new JsonWebSignature();
    jws.setHeader("typ", "at+jwt");
    if (kid != null) {
      jws.setKeyIdHeaderValue(kid);
    }
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setKey(pair.getPrivate());
    jws.setPayload(claims.toJson());
    return jws.getCompactSerialization();
  }
}
