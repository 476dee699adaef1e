package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM (what Ctrl-C and container stops send) stops the server cleanly: Liberty drains the
 * requests in flight, the application stops its work, and only then the embedded PostgreSQL stops;
 * nothing fails on the way, so no FFDC incident is written. (The order is read from the timestamps
 * of Liberty's log and PostgreSQL's: the JVM's logging shuts down with it, so the application's own
 * messages of a SIGTERM stop may not reach the log.) Not an *IT: ci/test.sh runs it after {@link
 * RestartCheck}, as the last check against that server (which it stops).
 */
class ShutdownCheck {

  private static final Path SERVER = Path.of("target", "liberty", "wlp", "usr", "servers");
  private static final Path FFDC = SERVER.resolve("iam").resolve("logs").resolve("ffdc");
  private static final int EMBEDDED_DB_PORT = Integer.getInteger("iam.it.embedded.db.port", 15433);

  @Test
  void sigtermWhenServingThenApplicationStopsBeforeDatabaseAndNoFfdc() throws Exception {
    assertEquals("UP", Iam.get("/health/ready").string("status"));
    List<String> before = incidents(); // the earlier stages' own, if any
    Iam.clientToken("system", "iam-admin", Iam.ADMIN_SECRET); // some work, so pools are in use
    long pid = Long.parseLong(Files.readString(SERVER.resolve(".pid").resolve("iam.pid")).strip());
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow();

    assertTrue(server.destroy(), "SIGTERM sent"); // ProcessHandle.destroy() is SIGTERM
    server.onExit().get(90, TimeUnit.SECONDS);

    List<String> after = incidents();
    assertEquals(before, after, () -> "a clean stop leaves no FFDC; " + firstNew(before, after));
    // The order, from the timestamps of Liberty's log and the embedded PostgreSQL's own.
    String log = ServerLog.read();
    Instant quiesced = libertyTime(log, "CWWKE1101I"); // quiesce complete: no request in flight
    Instant applicationStopped = libertyTime(log, "CWWKZ0009I"); // the application has stopped
    Instant databaseDown = postgresTime("database system is shut down");
    assertTrue(databaseDown.isAfter(quiesced), "the database stopped after the requests drained");
    assertTrue(
        !databaseDown.isAfter(applicationStopped),
        "the database stopped as the application's last step");
    assertFalse(
        log.substring(log.indexOf("CWWKE1100I")).contains(" E "), "no error during the stop");
    assertFalse(listening(EMBEDDED_DB_PORT), "the embedded PostgreSQL is gone");
  }

  /** When Liberty logged {@code messageId} ({@code [12/2/26, 4:17:06:699 UTC] ...}). */
  private static Instant libertyTime(String log, String messageId) {
    int at = log.indexOf(messageId);
    assertTrue(at > 0, messageId + " logged");
    String line = log.substring(log.lastIndexOf('\n', at) + 1, at);
    String stamp = line.substring(1, line.indexOf(" UTC]"));
    return LocalDateTime.parse(stamp, DateTimeFormatter.ofPattern("M/d/yy, H:mm:ss:SSS"))
        .toInstant(ZoneOffset.UTC);
  }

  /** When the embedded PostgreSQL last logged {@code message} ({@code 2026-12-02 04:17:06.834}). */
  private static Instant postgresTime(String message) throws IOException {
    List<String> lines = Files.readAllLines(Iam.DATA_DIR.resolve("postgres.log"));
    String line =
        lines.stream()
            .filter(l -> l.contains(message))
            .reduce((first, last) -> last)
            .orElseThrow(() -> new AssertionError("PostgreSQL logged: " + message));
    return LocalDateTime.parse(
            line.substring(0, 23), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS"))
        .toInstant(ZoneOffset.UTC);
  }

  private static List<String> incidents() throws IOException {
    if (!Files.isDirectory(FFDC)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(FFDC)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  /** The head of the first new incident's file, so a failing run says what failed. */
  private static String firstNew(List<String> before, List<String> after) {
    return after.stream()
        .filter(f -> !before.contains(f) && f.startsWith("ffdc_"))
        .findFirst()
        .map(
            f -> {
              try {
                String text = Files.readString(FFDC.resolve(f));
                return f + ":\n" + text.substring(0, Math.min(text.length(), 3000));
              } catch (IOException e) {
                return f + " (unreadable: " + e + ")";
              }
            })
        .orElse("no ffdc_ file");
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }
}
