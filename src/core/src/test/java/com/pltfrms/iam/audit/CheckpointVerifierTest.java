package com.pltfrms.iam.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.keys.RealmKeys;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CheckpointVerifierTest {

  private static final Instant TIME = Instant.parse("2026-03-01T12:00:00.123456Z");
  private static final String HEAD = "ab".repeat(32);

  private static RsaJsonWebKey realmKey;
  private static RsaJsonWebKey otherKey;

  @BeforeAll
  static void keys() throws Exception {
    realmKey = RsaJwkGenerator.generateJwk(2048);
    realmKey.setKeyId("realm-key");
    realmKey.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
    otherKey = RsaJwkGenerator.generateJwk(2048);
    otherKey.setKeyId("realm-key");
  }

  private static RealmKeys.Signer signer(RsaJsonWebKey key) {
    return RealmKeys.Signer.of(
        key.getKeyId(), AlgorithmIdentifiers.RSA_USING_SHA256, key.getPrivateKey());
  }

  private static String publicJwk(RsaJsonWebKey key) {
    return key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
  }

  private static Checkpoint signed() {
    return CheckpointSigner.sign(
        signer(realmKey), "realm-1", 42, HEAD, TIME, Checkpoint.Purpose.INTERVAL);
  }

  private static CheckpointVerifier trustingRealmKey() {
    return CheckpointVerifier.trusting(List.of(publicJwk(realmKey)));
  }

  private static Checkpoint withJws(Checkpoint c, String jws) {
    return new Checkpoint(
        c.realmId(), c.seq(), c.headHash(), c.signedAt(), c.purpose(), c.kid(), jws);
  }

  @Test
  void problemWhenSignedByTheRealmKeyThenNone() {
    assertEquals(java.util.Optional.empty(), trustingRealmKey().problem(signed()));
  }

  @Test
  void signWhenDoneThenPayloadHoldsRealmSeqHeadTimeAndPurpose() throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setCompactSerialization(signed().jws());
    assertEquals(
        Map.of(
            "realmId",
            "realm-1",
            "seq",
            42L,
            "headHash",
            HEAD,
            "time",
            "2026-03-01T12:00:00.123456Z",
            "purpose",
            "interval"),
        JsonUtil.parseJson(jws.getUnverifiedPayload()));
  }

  @Test
  void signWhenDoneThenHeaderNamesKidAlgorithmAndCheckpointType() throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setCompactSerialization(signed().jws());
    assertEquals("realm-key", jws.getKeyIdHeaderValue());
    assertEquals("RS256", jws.getAlgorithmHeaderValue());
    assertEquals("audit-checkpoint+json", jws.getHeader("typ"));
  }

  @Test
  void signWhenDoneThenAnyJoseLibraryVerifiesItWithTheJwks() throws Exception {
    // what an outside verifier does: pick the key by kid from the JWKS, check the signature
    JsonWebKeySet jwks = new JsonWebKeySet("{\"keys\":[" + publicJwk(realmKey) + "]}");
    JsonWebSignature jws = new JsonWebSignature();
    jws.setCompactSerialization(signed().jws());
    jws.setKey(new VerificationJwkSelector().select(jws, jwks.getJsonWebKeys()).getKey());
    assertTrue(jws.verifySignature());
  }

  @Test
  void problemWhenStoredHeadDiffersFromSignedOneThenRefused() {
    Checkpoint c = signed();
    Checkpoint altered =
        new Checkpoint(
            c.realmId(), c.seq(), "cd".repeat(32), c.signedAt(), c.purpose(), c.kid(), c.jws());
    assertTrue(trustingRealmKey().problem(altered).isPresent());
  }

  @Test
  void problemWhenStoredSeqDiffersFromSignedOneThenRefused() {
    Checkpoint c = signed();
    Checkpoint altered =
        new Checkpoint(c.realmId(), 41, c.headHash(), c.signedAt(), c.purpose(), c.kid(), c.jws());
    assertTrue(trustingRealmKey().problem(altered).isPresent());
  }

  @Test
  void problemWhenStoredPurposeDiffersFromSignedOneThenRefused() {
    Checkpoint c = signed();
    Checkpoint promoted =
        new Checkpoint(
            c.realmId(),
            c.seq(),
            c.headHash(),
            c.signedAt(),
            Checkpoint.Purpose.RETENTION,
            c.kid(),
            c.jws());
    assertTrue(trustingRealmKey().problem(promoted).isPresent());
  }

  @Test
  void problemWhenOtherRealmsCheckpointThenRefused() {
    Checkpoint c = signed();
    Checkpoint moved =
        new Checkpoint(
            "realm-2", c.seq(), c.headHash(), c.signedAt(), c.purpose(), c.kid(), c.jws());
    assertTrue(trustingRealmKey().problem(moved).isPresent());
  }

  @Test
  void problemWhenSignedByAnotherKeyWithTheSameKidThenRefused() {
    Checkpoint forged =
        CheckpointSigner.sign(
            signer(otherKey), "realm-1", 42, HEAD, TIME, Checkpoint.Purpose.INTERVAL);
    assertTrue(trustingRealmKey().problem(forged).isPresent());
  }

  @Test
  void problemWhenKidUnknownThenRefused() {
    assertTrue(CheckpointVerifier.trusting(List.of()).problem(signed()).isPresent());
  }

  @Test
  void problemWhenNotTypedAsCheckpointThenRefused() throws Exception {
    Checkpoint c = signed();
    JsonWebSignature token = new JsonWebSignature();
    token.setPayload(
        CheckpointSigner.payload(c.realmId(), c.seq(), c.headHash(), c.signedAt(), c.purpose()));
    token.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    token.setKeyIdHeaderValue("realm-key");
    token.setHeader("typ", "at+jwt");
    token.setKey(realmKey.getPrivateKey());
    assertTrue(trustingRealmKey().problem(withJws(c, token.getCompactSerialization())).isPresent());
  }

  @Test
  void problemWhenUnsignedThenRefused() throws Exception {
    Checkpoint c = signed();
    String[] parts = c.jws().split("\\.");
    String none =
        java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    "{\"alg\":\"none\",\"kid\":\"realm-key\",\"typ\":\"audit-checkpoint+json\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + ".";
    assertTrue(trustingRealmKey().problem(withJws(c, none)).isPresent());
  }

  @Test
  void problemWhenNotAJwsThenRefused() {
    assertTrue(trustingRealmKey().problem(withJws(signed(), "not a jws")).isPresent());
  }

  @Test
  void trustingWhenAKeyDoesNotParseThenTheOthersStillVerify() {
    CheckpointVerifier trust =
        CheckpointVerifier.trusting(List.of("{\"kty\":\"nope\"}", publicJwk(realmKey)));
    assertFalse(trust.problem(signed()).isPresent());
  }
}
