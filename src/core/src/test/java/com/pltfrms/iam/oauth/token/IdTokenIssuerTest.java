package com.pltfrms.iam.oauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.pltfrms.iam.keys.RealmKeys;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

/** ID tokens (OIDC Core §2, §3.1.3.6). */
class IdTokenIssuerTest {

  static final String ISSUER = "https://id.example.com/realms/acme";
  static final Instant AUTH = Instant.parse("2026-12-03T09:00:00Z");

  static IdTokenContent content(String nonce, String accessToken, Map<String, Object> claims) {
    return new IdTokenContent(
        ISSUER,
        "user-1",
        "web",
        AUTH,
        nonce,
        "pwd",
        List.of("pwd"),
        "sid-1",
        accessToken,
        claims,
        300);
  }

  @Test
  void claimsWhenFullThenEveryProtocolClaimOfOidcCoreSection2() throws Exception {
    JwtClaims claims =
        IdTokenIssuer.claims(content("n-0S6", "at", Map.of("email", "a@example.com")), 1_000);
    assertEquals(ISSUER, claims.getIssuer());
    assertEquals("user-1", claims.getSubject());
    assertEquals(List.of("web"), claims.getAudience());
    assertEquals("web", claims.getClaimValue("azp"));
    assertEquals(1_000, claims.getIssuedAt().getValue());
    assertEquals(1_300, claims.getExpirationTime().getValue());
    assertEquals(AUTH.getEpochSecond(), claims.getClaimValue("auth_time"));
    assertEquals("n-0S6", claims.getClaimValue("nonce"));
    assertEquals("pwd", claims.getClaimValue("acr"));
    assertEquals(List.of("pwd"), claims.getStringListClaimValue("amr"));
    assertEquals("sid-1", claims.getClaimValue("sid"));
    assertEquals(IdTokenIssuer.atHash("at"), claims.getClaimValue("at_hash"));
    assertEquals("a@example.com", claims.getClaimValue("email"));
  }

  @Test
  void claimsWhenNoNonceNorAccessTokenThenLeftOut() {
    JwtClaims claims = IdTokenIssuer.claims(content(null, null, Map.of()), 1_000);
    assertNull(claims.getClaimValue("nonce"));
    assertFalse(claims.hasClaim("at_hash"));
  }

  @Test
  void claimsWhenUserClaimNamesProtocolClaimThenProtocolWins() throws Exception {
    JwtClaims claims =
        IdTokenIssuer.claims(content("n", null, Map.of("sub", "evil", "iss", "evil")), 1_000);
    assertEquals("user-1", claims.getSubject());
    assertEquals(ISSUER, claims.getIssuer());
  }

  @Test
  void atHashWhenKnownTokenThenLeftHalfOfSha256Base64url() {
    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223 b00361a3...; the left half, base64url.
    assertEquals("ungWv48Bz-pBQUDeXa4iIw", IdTokenIssuer.atHash("abc"));
  }

  @Test
  void compactWhenIdTokenThenTypJwtAndVerifiesWithRealmKey() throws Exception {
    RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
    long now = Instant.now().getEpochSecond();
    String token =
        AccessTokenIssuer.compact(
            RealmKeys.Signer.of("kid-1", "RS256", key.getPrivateKey()),
            IdTokenIssuer.claims(content("n", "at", Map.of()), now).toJson(),
            IdTokenIssuer.TYPE);
    JwtClaims verified =
        new JwtConsumerBuilder()
            .setVerificationKey(key.getPublicKey())
            .setExpectedIssuer(ISSUER)
            .setExpectedAudience("web")
            .setExpectedType(true, "JWT")
            .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
            .build()
            .processToClaims(token);
    assertEquals("user-1", verified.getSubject());
  }
}
