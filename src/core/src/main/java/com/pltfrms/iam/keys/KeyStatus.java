package com.pltfrms.iam.keys;

/**
 * Where a signing key is in its life: {@code NEXT} is published in the JWKS but does not sign yet;
 * {@code ACTIVE} signs (one per realm); {@code PASSIVE} no longer signs but stays published so
 * tokens in flight keep verifying; {@code RETIRED} is gone from the JWKS.
 */
public enum KeyStatus {
  NEXT,
  ACTIVE,
  PASSIVE,
  RETIRED;

  public boolean published() {
    return this != RETIRED;
  }
}
