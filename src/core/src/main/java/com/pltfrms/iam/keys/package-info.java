/**
 * Signing keys per realm: generation, encryption at rest under the master key, staged rotation
 * (published in the JWKS before signing), and the in-memory key ring the token path signs with.
 */
package com.pltfrms.iam.keys;
