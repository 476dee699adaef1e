/**
 * Signing keys per realm: generation, staged rotation (published in the JWKS before signing, kept
 * until the tokens they signed have expired), encryption at rest under the master key ({@link
 * com.pltfrms.iam.keys.MasterKeys}: named, realm- and kid-bound envelopes, rotation with a previous
 * key and a re-seal), and the in-memory key ring the token path signs and verifies with. Depends on
 * {@code shared} and fires {@code audit} events; the token feature tells it how long tokens live
 * ({@link com.pltfrms.iam.keys.LongestAccessTokenLifetime}).
 */
package com.pltfrms.iam.keys;
