package com.pltfrms.iam.audit;

import java.time.Instant;
import java.util.Locale;

/**
 * A signed statement that a realm's chain had {@code headHash} at position {@code seq} at {@code
 * signedAt}: a compact JWS (RFC 7515 §7.1) by a key of the realm over the JSON payload {@code
 * {"realmId":…,"seq":…,"headHash":…,"time":…,"purpose":…}}, with {@code kid} and {@code typ}
 * {@value CheckpointSigner#TYPE} in its header. Anyone holding the realm's public keys can check
 * it, so that a chain cut short or rewritten and recomputed no longer matches what was signed.
 *
 * @param purpose why it was signed; only a {@link Purpose#RETENTION} checkpoint may start a chain
 *     whose older rows were dropped
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7515#section-7.1">RFC 7515 §7.1</a>
 */
public record Checkpoint(
    String realmId,
    long seq,
    String headHash,
    Instant signedAt,
    Purpose purpose,
    String kid,
    String jws) {

  /** Why a checkpoint was signed. */
  public enum Purpose {
    /** By the background job, at its interval, when the chain had grown. */
    INTERVAL,
    /** On an administrator's request. */
    REQUEST,
    /**
     * By retention, at the last row of a realm in a partition it dropped: the chain's new anchor.
     */
    RETENTION;

    /** The lower-case name used in the signed payload, the database and the API. */
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Purpose of(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }
  }
}
