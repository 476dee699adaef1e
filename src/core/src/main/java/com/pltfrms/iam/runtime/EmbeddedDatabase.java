package com.pltfrms.iam.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * The zero-setup PostgreSQL: a real PostgreSQL server started from binaries on Maven Central, its
 * data in a local folder that survives restarts. Only used when no {@code IAM_DB_URL} is set.
 */
final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedDatabase start(Path dataDir, int port) {
    Path pgData = dataDir.resolve("postgres");
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgData)
              .setCleanDataDirectory(false)
              .setOverrideWorkingDirectory(dataDir.resolve("pg-runtime").toFile())
              .setPort(port)
              .setServerConfig("max_connections", "100")
              .setServerConfig("listen_addresses", "127.0.0.1")
              .start();
      LOG.info(() -> "Embedded PostgreSQL listening on 127.0.0.1:" + port + ", data in " + pgData);
      return new EmbeddedDatabase(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + pgData, e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warning("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
    }
  }
}
