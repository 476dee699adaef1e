package com.pltfrms.iam.keys;

import java.security.PublicKey;
import java.util.Map;

/**
 * A realm's published keys: what verifiers need and the JWKS shows, without any private half.
 *
 * @param verificationKeys the public key of every published key, by kid
 * @param jwksJson the realm's JWKS document (RFC 7517 §5), pre-rendered
 */
public record PublishedKeys(Map<String, PublicKey> verificationKeys, String jwksJson) {

  public PublishedKeys {
    verificationKeys = Map.copyOf(verificationKeys);
  }

  /** The published key {@code kid}, or null for a missing or unknown kid. */
  public PublicKey verificationKey(String kid) {
    return kid == null ? null : verificationKeys.get(kid);
  }
}
