package com.pltfrms.iam.keys;

/**
 * A sealed private key that does not open: the envelope names a master key this node does not hold,
 * fails authentication (a wrong master key, a tampered envelope, or one moved onto another key's
 * row), or is not an envelope at all. The message names the master key by its id only and is safe
 * to log.
 */
public class SealedKeyException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** Why the envelope did not open. */
  public enum Reason {
    /** Sealed under a master key that is neither IAM_MASTER_KEY nor IAM_MASTER_KEY_PREVIOUS. */
    UNKNOWN_MASTER_KEY,
    /** Authentication failed: wrong key, tampered ciphertext, or another realm's or kid's row. */
    DOES_NOT_OPEN,
    /** Not an envelope of a format this server writes. */
    MALFORMED
  }

  private final Reason reason;

  SealedKeyException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
