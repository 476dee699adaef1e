package com.pltfrms.iam.keys;

import com.pltfrms.iam.shared.ApplicationProblem;
import java.time.Instant;

/**
 * A key that stopped signing was asked to retire while tokens it signed may still be live (see
 * {@link KeyRetirement}). A conflict that names the moment the key becomes retirable.
 */
public class KeyNotRetirableYet extends ApplicationProblem {

  private static final long serialVersionUID = 1L;

  private final Instant retirableAt;

  KeyNotRetirableYet(String kid, Instant retirableAt) {
    super(
        Kind.CONFLICT,
        "key '"
            + kid
            + "' may have signed tokens that are still live: it can be retired from "
            + retirableAt
            + ", or now with force=true if it is compromised");
    this.retirableAt = retirableAt;
  }

  public Instant retirableAt() {
    return retirableAt;
  }
}
