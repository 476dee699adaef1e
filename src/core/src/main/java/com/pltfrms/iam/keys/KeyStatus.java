package com.pltfrms.iam.keys;

/**
 * Where a signing key is in its life: {@code NEXT} is published in the JWKS but does not sign yet;
 * {@code ACTIVE} signs (at most one per realm, which the database enforces); {@code PASSIVE} no
 * longer signs but stays published so tokens in flight keep verifying, until it may be retired;
 * {@code RETIRED} is gone from the JWKS and its private half is destroyed.
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
