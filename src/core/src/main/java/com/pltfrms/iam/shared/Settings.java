package com.pltfrms.iam.shared;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Deployment settings, read from environment variables (Liberty's {@code server.env} sets them too)
 * and, for tests, from system properties of the same name. Realm and client policy is not here: it
 * lives in the database.
 */
public final class Settings {

  private Settings() {}

  /**
   * The value of {@code name}, from the environment or a system property; blank counts as unset.
   */
  public static Optional<String> get(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      value = System.getProperty(name);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public static boolean flag(String name, boolean fallback) {
    return get(name).map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(fallback);
  }

  /** True when no external database is configured and the embedded PostgreSQL must run. */
  public static boolean embeddedDatabase() {
    return get("IAM_DB_URL").isEmpty();
  }

  /** The folder that holds the embedded database and the generated master key. */
  public static Path dataDir() {
    return get("IAM_DATA_DIR")
        .map(Path::of)
        .orElseGet(
            () ->
                Path.of(Optional.ofNullable(System.getProperty("server.output.dir")).orElse("."))
                    .resolve("iam-data"));
  }

  public static int embeddedDatabasePort() {
    return get("IAM_EMBEDDED_DB_PORT").map(Integer::parseInt).orElse(15432);
  }
}
