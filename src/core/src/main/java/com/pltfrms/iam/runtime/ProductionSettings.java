package com.pltfrms.iam.runtime;

import java.util.Optional;
import java.util.function.Function;

/**
 * What a server that is not in zero-setup mode ({@code IAM_DB_URL} set) must be given rather than
 * generate: the TLS keystore's password. In zero-setup mode Liberty's own generated one serves.
 */
final class ProductionSettings {

  private ProductionSettings() {}

  /** Fails with what is missing; {@code settings} looks a deployment setting up by name. */
  static void check(Function<String, Optional<String>> settings) {
    if (settings.apply("IAM_DB_URL").isPresent()
        && settings.apply("IAM_KEYSTORE_PASSWORD").isEmpty()) {
      throw new IllegalStateException(
          "IAM_DB_URL is set, so IAM_KEYSTORE_PASSWORD must be too: the password of the server's"
              + " TLS keystore (see the README's production checklist)");
    }
  }
}
