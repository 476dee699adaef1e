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
    // An admin token of the original signer, for every call below: the shared one could be renewed
    // in the middle, signed by the key this test retires.
    String admin = Iam.clientToken("system", "iam-admin", Iam.ADMIN_SECRET);
    String original = KeyRotationIT.kidOf(admin);
    try {
      // a key that signs an admin token, then is replaced and retired
      String retiring = Iam.adminAs(admin, "POST", "/system/keys", null).string("kid");
      assertEquals(200, activate(admin, retiring).status());
      String token = Iam.clientToken("system", "iam-admin", Iam.ADMIN_SECRET);
      assertEquals(retiring, KeyRotationIT.kidOf(token));
      assertEquals(200, Iam.adminAs(token, "GET", "", null).status(), "valid while published");
      String successor = Iam.adminAs(admin, "POST", "/system/keys", null).string("kid");
      assertEquals(200, activate(admin, successor).status());
      assertEquals(200, Iam.adminAs(token, "GET", "", null).status(), "valid while PASSIVE");

      Reply retired =
          Iam.adminAs(admin, "POST", "/system/keys/" + retiring + "/retire?force=true", null);
      assertEquals(200, retired.status());

      assertInvalidToken(Iam.adminAs(token, "GET", "", null));
    } finally {
      activate(admin, original);
    }
    String renewed = Iam.clientToken("system", "iam-admin", Iam.ADMIN_SECRET);
    assertEquals(original, KeyRotationIT.kidOf(renewed), "the original signer is back");
  }

  private static Reply activate(String admin, String kid) {
    return Iam.adminAs(admin, "POST", "/system/keys/" + kid + "/activate", null);
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
