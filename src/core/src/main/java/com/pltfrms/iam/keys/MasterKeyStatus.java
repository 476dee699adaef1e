package com.pltfrms.iam.keys;

import java.util.Map;
import java.util.Optional;

/**
 * Which master keys the stored private keys are sealed under, as an operator checks it before
 * removing {@code IAM_MASTER_KEY_PREVIOUS}.
 *
 * @param masterKeyId the id of this node's {@code IAM_MASTER_KEY}
 * @param previousMasterKeyId the id of its {@code IAM_MASTER_KEY_PREVIOUS}, if set
 * @param sealedUnder how many private keys (retired keys have none) each master key id seals;
 *     {@code v1} counts envelopes of the earlier format, which name no key
 * @param toReseal how many are not sealed the current way (v2 under {@code masterKeyId})
 */
public record MasterKeyStatus(
    String masterKeyId,
    Optional<String> previousMasterKeyId,
    Map<String, Long> sealedUnder,
    long toReseal) {

  public MasterKeyStatus {
    sealedUnder = Map.copyOf(sealedUnder);
  }

  /** Whether anything may still need the previous master key to open. */
  public boolean previousStillNeeded() {
    return toReseal > 0;
  }
}
