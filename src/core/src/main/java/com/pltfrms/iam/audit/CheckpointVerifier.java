package com.pltfrms.iam.audit;

import java.security.Key;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Checks that a stored checkpoint is what a key of the realm signed: a known {@code kid}, an
 * allowed algorithm, the checkpoint {@code typ}, a valid signature, and a payload that says exactly
 * what the row says. Pure: give it the public keys (RFC 7517 JWKs), then ask about checkpoints.
 */
final class CheckpointVerifier {

  private static final AlgorithmConstraints ALGORITHMS =
      new AlgorithmConstraints(
          ConstraintType.PERMIT,
          AlgorithmIdentifiers.RSA_USING_SHA256,
          AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
          AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);

  private final Map<String, Key> keys;

  private CheckpointVerifier(Map<String, Key> keys) {
    this.keys = Map.copyOf(keys);
  }

  /** A verifier trusting the public keys among {@code jwks} (JSON objects); others are skipped. */
  static CheckpointVerifier trusting(Collection<String> jwks) {
    Map<String, Key> keys = new HashMap<>();
    for (String json : jwks) {
      try {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(json);
        if (jwk.getKeyId() != null) {
          keys.put(jwk.getKeyId(), jwk.getPublicKey());
        }
      } catch (JoseException e) {
        // a key that does not parse verifies nothing; its checkpoints report an unknown key
      }
    }
    return new CheckpointVerifier(keys);
  }

  /** Why {@code checkpoint} cannot be trusted; empty when it is validly signed and consistent. */
  Optional<String> problem(Checkpoint checkpoint) {
    try {
      JsonWebSignature jws = new JsonWebSignature();
      jws.setAlgorithmConstraints(ALGORITHMS);
      jws.setCompactSerialization(checkpoint.jws());
      String kid = jws.getKeyIdHeaderValue();
      if (kid == null || !kid.equals(checkpoint.kid())) {
        return Optional.of("its kid header does not name the key it is stored with");
      }
      Key key = keys.get(kid);
      if (key == null) {
        return Optional.of("it is signed with an unknown key");
      }
      if (!CheckpointSigner.TYPE.equals(jws.getHeader("typ"))) {
        return Optional.of("its typ header is not " + CheckpointSigner.TYPE);
      }
      jws.setKey(key);
      if (!jws.verifySignature()) {
        return Optional.of("its signature does not verify");
      }
      Map<String, Object> payload = JsonUtil.parseJson(jws.getPayload());
      boolean same =
          checkpoint.realmId().equals(payload.get("realmId"))
              && payload.get("seq") instanceof Number seq
              && seq.longValue() == checkpoint.seq()
              && checkpoint.headHash().equals(payload.get("headHash"))
              && checkpoint.signedAt().toString().equals(payload.get("time"))
              && checkpoint.purpose().value().equals(payload.get("purpose"));
      return same ? Optional.empty() : Optional.of("what it signs differs from what is stored");
    } catch (JoseException | RuntimeException e) {
      return Optional.of("it is not a well-formed compact JWS");
    }
  }
}
