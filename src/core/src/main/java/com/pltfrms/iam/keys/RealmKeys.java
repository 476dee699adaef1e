package com.pltfrms.iam.keys;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;

/**
 * One realm's keys as the token path needs them: the decrypted active signer, the published
 * verification keys by kid, and the JWKS document pre-rendered.
 */
public record RealmKeys(
    Optional<Signer> signer, Map<String, PublicKey> verificationKeys, String jwksJson) {

  /** The active key: its kid, algorithm and decrypted private half. */
  public record Signer(String kid, String algorithm, PrivateKey privateKey) {
    @Override
    public String toString() {
      return "Signer[kid=" + kid + ", algorithm=" + algorithm + "]";
    }
  }
}
