package com.pltfrms.iam.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The zero-setup PostgreSQL: a real PostgreSQL server (zonky's binaries from Maven Central), its
 * data in {@code IAM_DATA_DIR/postgres}, listening on 127.0.0.1 only, and admitting nobody without
 * the superuser's password ({@code scram-sha-256} for every connection, local socket included; the
 * password is generated per data folder, see {@link EmbeddedDatabaseCredentials}). Only used when
 * no {@code IAM_DB_URL} is set.
 *
 * <p>The application starts and stops it itself, with {@code pg_ctl}, rather than through zonky's
 * {@code EmbeddedPostgres}: that class initialises every cluster with {@code trust} and registers a
 * JVM shutdown hook that stops PostgreSQL while Liberty is still draining requests (on Ctrl-C or
 * SIGTERM all shutdown hooks run at once). Here the database stops when the application does, after
 * its work has stopped: {@link ServerLifecycle#stop()}.
 */
final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
  private static final String SUPERUSER = "postgres";

  private final Path home;
  private final Path pgData;
  private final FileChannel lockFile;
  private final FileLock lock;

  private EmbeddedDatabase(Path home, Path pgData, FileChannel lockFile, FileLock lock) {
    this.home = home;
    this.pgData = pgData;
    this.lockFile = lockFile;
    this.lock = lock;
  }

  /**
   * The JDBC URL of the embedded database on {@code port}, as {@code liberty/config/server.xml}
   * defaults {@code IAM_DB_URL}: the password comes from {@link EmbeddedDatabaseCredentials}.
   */
  static String jdbcUrl(int port) {
    return "jdbc:postgresql://127.0.0.1:"
        + port
        + "/postgres?authenticationPluginClassName="
        + EmbeddedDatabaseCredentials.class.getName();
  }

  static EmbeddedDatabase start(Path dataDir, int port) {
    Path pgData = dataDir.resolve("postgres");
    ClassLoader loader = EmbeddedDatabase.class.getClassLoader();
    Path home =
        PostgresBinaries.install(PostgresBinaries.locate(loader), dataDir.resolve("pg-runtime"));
    FileChannel channel = null;
    try {
      Files.createDirectories(dataDir);
      channel =
          FileChannel.open(
              dataDir.resolve("postgres.lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new IllegalStateException(
            "Another server uses the embedded PostgreSQL of " + dataDir + "; give each its own");
      }
      EmbeddedDatabase db = new EmbeddedDatabase(home, pgData, channel, lock);
      db.startServer(dataDir, port);
      LOG.info(() -> "Embedded PostgreSQL listening on 127.0.0.1:" + port + ", data in " + pgData);
      return db;
    } catch (IOException e) {
      close(channel);
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + pgData, e);
    } catch (RuntimeException e) {
      close(channel);
      throw e;
    }
  }

  private void startServer(Path dataDir, int port) throws IOException {
    Path passwordFile = EmbeddedDatabaseCredentials.ensurePasswordFile(dataDir);
    boolean fresh = !Files.exists(pgData.resolve("PG_VERSION"));
    if (fresh) {
      run(
          60,
          "initdb",
          "-D",
          pgData.toString(),
          "-U",
          SUPERUSER,
          "-E",
          "UTF-8",
          "--auth=scram-sha-256",
          "--pwfile=" + passwordFile);
    } else if (run(10, "pg_ctl", "status", "-D", pgData.toString()) == 0) {
      // A server of an earlier run that ended without stopping it: ours (we hold the lock).
      LOG.warning(
          "An embedded PostgreSQL of an earlier run still serves " + pgData + "; stopping it");
      stopServer();
    }
    boolean trusting = !fresh && hbaTrusts();
    List<String> options = new ArrayList<>();
    for (String setting :
        List.of(
            "port=" + port,
            "listen_addresses=127.0.0.1",
            "max_connections=100",
            "timezone=UTC",
            "synchronous_commit=off")) {
      options.add("-c");
      options.add(setting);
    }
    int status =
        run(
            90,
            "pg_ctl",
            "start",
            "-w",
            "-t",
            "60",
            "-D",
            pgData.toString(),
            "-l",
            dataDir.resolve("postgres.log").toString(),
            "-o",
            String.join(" ", options));
    if (status != 0) {
      throw new IllegalStateException(
          "The embedded PostgreSQL did not start; see " + dataDir.resolve("postgres.log"));
    }
    if (trusting) {
      requirePassword(port, passwordFile);
    }
  }

  /** Whether this cluster's pg_hba.conf admits anyone without a password (made before 0.2). */
  private boolean hbaTrusts() throws IOException {
    return Files.readAllLines(pgData.resolve("pg_hba.conf"), StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .anyMatch(line -> line.endsWith(" trust"));
  }

  /**
   * A cluster made when the embedded database trusted every local connection: gives the superuser
   * the password of this data folder and switches every rule to {@code scram-sha-256}.
   */
  private void requirePassword(int port, Path passwordFile) throws IOException {
    String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
    Properties login = new Properties();
    login.setProperty("user", SUPERUSER);
    try (Connection db =
            new org.postgresql.Driver()
                .connect("jdbc:postgresql://127.0.0.1:" + port + "/postgres", login);
        Statement statement = db.createStatement()) {
      statement.execute("SET password_encryption = 'scram-sha-256'");
      statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot set the embedded database password", e);
    }
    Path hba = pgData.resolve("pg_hba.conf");
    List<String> rules = new ArrayList<>();
    for (String line : Files.readAllLines(hba, StandardCharsets.UTF_8)) {
      String rule = line.strip();
      rules.add(
          rule.startsWith("#") || !rule.endsWith(" trust")
              ? line
              : line.substring(0, line.lastIndexOf("trust")) + "scram-sha-256");
    }
    Files.write(hba, rules, StandardCharsets.UTF_8);
    run(10, "pg_ctl", "reload", "-D", pgData.toString());
    LOG.info("The embedded PostgreSQL now requires the password in " + passwordFile);
  }

  private void stopServer() {
    run(60, "pg_ctl", "stop", "-D", pgData.toString(), "-m", "fast", "-w", "-t", "30");
  }

  /**
   * Runs one of PostgreSQL's programs and waits for it. PostgreSQL refuses to run as root; as root
   * (containers, CI) it runs in a user namespace of its own, where it is not ({@code unshare -U}),
   * as zonky does.
   */
  private int run(int timeoutSeconds, String program, String... arguments) {
    List<String> command = new ArrayList<>();
    if (RootCheck.isRoot()) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.add(home.resolve("bin").resolve(program).toString());
    command.addAll(List.of(arguments));
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(toolsLog().toFile()))
              .start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(program + " did not finish in " + timeoutSeconds + " s");
      }
      int status = process.exitValue();
      if (status != 0 && !program.equals("pg_ctl")) {
        throw new IllegalStateException(
            program + " failed with status " + status + "; see " + toolsLog());
      }
      return status;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + program, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + program, e);
    }
  }

  /** Where the output of initdb and pg_ctl goes (the server's own log is postgres.log). */
  private Path toolsLog() {
    return pgData.resolveSibling("postgres-tools.log");
  }

  @Override
  public void close() {
    try {
      stopServer();
      LOG.info("Embedded PostgreSQL stopped.");
    } catch (RuntimeException e) {
      LOG.warning("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
    } finally {
      try {
        lock.release();
      } catch (IOException ignored) {
        // the channel closes below, which releases it too
      }
      close(lockFile);
    }
  }

  private static void close(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing left to release
      }
    }
  }

  /** Whether this process runs as root, which PostgreSQL's programs refuse. */
  private static final class RootCheck {
    private static final boolean ROOT = detect();

    static boolean isRoot() {
      return ROOT;
    }

    private static boolean detect() {
      try {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
      } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
        return false;
      }
    }
  }
}
