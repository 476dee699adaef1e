package com.pltfrms.iam.keys;

import java.util.List;

/**
 * What one re-seal run did.
 *
 * @param masterKeyId the master key everything was re-sealed under
 * @param resealedKeys how many private keys were re-sealed
 * @param realms in how many realms
 * @param failedRealms names of realms whose keys could not be opened (see the log); left as they
 *     were
 * @param remaining how many private keys are still not sealed under {@code masterKeyId}: 0 when the
 *     re-seal is complete, more when it stopped at its time budget (run it again) or some failed
 */
public record ResealReport(
    String masterKeyId, int resealedKeys, int realms, List<String> failedRealms, long remaining) {

  public ResealReport {
    failedRealms = List.copyOf(failedRealms);
  }
}
