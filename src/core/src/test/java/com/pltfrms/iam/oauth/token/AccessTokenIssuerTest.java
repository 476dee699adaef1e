package com.pltfrms.iam.oauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pltfrms.iam.oauth.protocol.Scope;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.SystemAdmin;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who an access token is for (RFC 9068 §3 {@code aud}). */
class AccessTokenIssuerTest {

  private static final String ISSUER = "https://id.example.com/realms/";

  private static RealmSnapshot realm(String name) {
    return new RealmSnapshot("id-" + name, name, name, true, 300, Instant.EPOCH, 1);
  }

  @Test
  void audienceWhenSystemRealmAndAdminScopeThenIssuerAndAdminApi() {
    assertEquals(
        List.of(ISSUER + "system", SystemAdmin.AUDIENCE),
        AccessTokenIssuer.audience(realm("system"), ISSUER + "system", Scope.parse("admin")));
  }

  @Test
  void audienceWhenSystemRealmWithoutAdminScopeThenIssuerOnly() {
    assertEquals(
        List.of(ISSUER + "system"),
        AccessTokenIssuer.audience(realm("system"), ISSUER + "system", Scope.parse("read")));
  }

  @Test
  void audienceWhenOtherRealmWithAdminScopeThenAlsoAdminApi() {
    // a realm's delegated administrators ask for the admin scope as system admins do
    assertEquals(
        List.of(ISSUER + "acme", SystemAdmin.AUDIENCE),
        AccessTokenIssuer.audience(realm("acme"), ISSUER + "acme", Scope.parse("admin")));
  }

  @Test
  void compactWhenSignedThenJoseLibraryVerifiesItAsAnAccessToken() throws Exception {
    org.jose4j.jwk.RsaJsonWebKey key = org.jose4j.jwk.RsaJwkGenerator.generateJwk(2048);
    com.pltfrms.iam.keys.RealmKeys.Signer signer =
        com.pltfrms.iam.keys.RealmKeys.Signer.of("kid-1", "RS256", key.getPrivateKey());
    String token = AccessTokenIssuer.compact(signer, "{\"sub\":\"s\",\"exp\":4102444800}");

    org.jose4j.jwt.JwtClaims claims =
        new org.jose4j.jwt.consumer.JwtConsumerBuilder()
            .setVerificationKey(key.getPublicKey())
            .setExpectedType(true, "at+jwt")
            .setJwsAlgorithmConstraints(
                org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
            .build()
            .processToClaims(token);
    assertEquals("s", claims.getSubject());
    org.jose4j.jws.JsonWebSignature jws =
        (org.jose4j.jws.JsonWebSignature)
            org.jose4j.jwx.JsonWebStructure.fromCompactSerialization(token);
    assertEquals("kid-1", jws.getKeyIdHeaderValue());
  }

  @Test
  void compactWhenPayloadTamperedThenSignatureFails() throws Exception {
    org.jose4j.jwk.RsaJsonWebKey key = org.jose4j.jwk.RsaJwkGenerator.generateJwk(2048);
    String token =
        AccessTokenIssuer.compact(
            com.pltfrms.iam.keys.RealmKeys.Signer.of("k", "RS256", key.getPrivateKey()),
            "{\"sub\":\"s\"}");
    String[] parts = token.split("\\.");
    String forged =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"sub\":\"t\"}".getBytes())
            + "."
            + parts[2];
    org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
    jws.setCompactSerialization(forged);
    jws.setKey(key.getPublicKey());
    org.junit.jupiter.api.Assertions.assertFalse(jws.verifySignature());
  }

  @Test
  void familyOfWhenJtiNamesAFamilyThenItElseEmpty() {
    assertEquals(
        java.util.Optional.of("5f0c3e9a-1b2c-4d5e-8f90-123456789abc"),
        AccessTokenIssuer.familyOf("5f0c3e9a-1b2c-4d5e-8f90-123456789abc.q83vEjRWeJq83vEjRWeJqw"));
    assertEquals(java.util.Optional.empty(), AccessTokenIssuer.familyOf("q83vEjRWeJq83vEjRWeJqw"));
    assertEquals(java.util.Optional.empty(), AccessTokenIssuer.familyOf(".leading-mark"));
    assertEquals(java.util.Optional.empty(), AccessTokenIssuer.familyOf(null));
  }
}
