package com.pltfrms.iam.audit;

import com.pltfrms.iam.keys.RealmKeys;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Signs checkpoints: a compact JWS over a small JSON payload, so that any JOSE library verifies it
 * with the realm's JWKS. The {@code typ} header keeps it from being mistaken for a token (access
 * tokens carry {@code at+jwt}, RFC 9068 §2.1) and a token from being mistaken for it.
 */
final class CheckpointSigner {

  /** The {@code typ} header of every checkpoint (RFC 7515 §4.1.9). */
  static final String TYPE = "audit-checkpoint+json";

  private CheckpointSigner() {}

  static Checkpoint sign(
      RealmKeys.Signer signer,
      String realmId,
      long seq,
      String headHash,
      Instant time,
      Checkpoint.Purpose purpose) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(payload(realmId, seq, headHash, time, purpose));
    jws.setAlgorithmHeaderValue(signer.algorithm());
    jws.setKeyIdHeaderValue(signer.kid());
    jws.setHeader("typ", TYPE);
    jws.setKey(signer.privateKey());
    try {
      return new Checkpoint(
          realmId, seq, headHash, time, purpose, signer.kid(), jws.getCompactSerialization());
    } catch (JoseException e) {
      throw new IllegalStateException("Cannot sign an audit checkpoint with " + signer.kid(), e);
    }
  }

  /** The signed payload: what a verifier reads back and compares with the chain. */
  static String payload(
      String realmId, long seq, String headHash, Instant time, Checkpoint.Purpose purpose) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("realmId", realmId);
    payload.put("seq", seq);
    payload.put("headHash", headHash);
    payload.put("time", time.toString());
    payload.put("purpose", purpose.value());
    return JsonUtil.toJson(payload);
  }
}
