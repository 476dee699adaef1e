package com.pltfrms.iam.keys;

import java.security.GeneralSecurityException;
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

  /**
   * The active key: its kid, algorithm and decrypted private half, as a JDK key (for JOSE
   * libraries) and as the fast signer the token path uses.
   */
  public record Signer(String kid, String algorithm, PrivateKey privateKey, Rs256 rs256) {

    /** The signer of an RSA private key. */
    public static Signer of(String kid, String algorithm, PrivateKey privateKey) {
      try {
        return new Signer(kid, algorithm, privateKey, Rs256.of(privateKey.getEncoded()));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Cannot read the private key " + kid, e);
      }
    }

    @Override
    public String toString() {
      return "Signer[kid=" + kid + ", algorithm=" + algorithm + "]";
    }
  }
}
