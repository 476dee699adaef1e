package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM (what Ctrl-C and container stops send) stops the server cleanly: Liberty drains the
 * requests in flight, the application stops its work, and only then the embedded PostgreSQL stops;
 * nothing fails on the way, so no FFDC incident is written. Not an *IT: ci/test.sh runs it after
 * {@link RestartCheck}, as the last check against that server (which it stops).
 */
class ShutdownCheck {

  private static final Path SERVER = Path.of("target", "liberty", "wlp", "usr", "servers");
  private static final Path FFDC = SERVER.resolve("iam").resolve("logs").resolve("ffdc");
  private static final int EMBEDDED_DB_PORT = Integer.getInteger("iam.it.embedded.db.port", 15433);

  @Test
  void sigtermWhenServingThenApplicationStopsBeforeDatabaseAndNoFfdc() throws Exception {
    assertEquals("UP", Iam.get("/health/ready").string("status"));
    assertEquals(List.of(), incidents(), "no incident before the stop");
    Iam.clientToken("system", "iam-admin", Iam.ADMIN_SECRET); // some work, so pools are in use
    long pid = Long.parseLong(Files.readString(SERVER.resolve(".pid").resolve("iam.pid")).strip());
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow();

    assertTrue(server.destroy(), "SIGTERM sent"); // ProcessHandle.destroy() is SIGTERM
    server.onExit().get(90, TimeUnit.SECONDS);

    assertEquals(List.of(), incidents(), "a clean stop leaves no FFDC");
    String log = ServerLog.read();
    int quiesced = log.indexOf("CWWKE1101I"); // server quiesce complete: no request in flight
    int databaseStopped = log.indexOf("Embedded PostgreSQL stopped.");
    int applicationStopped = log.indexOf("CWWKZ0009I"); // the application has stopped
    assertTrue(quiesced > 0, "Liberty drained the requests");
    assertTrue(databaseStopped > quiesced, "the database stopped after the requests drained");
    assertTrue(applicationStopped > databaseStopped, "as the application's last step");
    assertFalse(log.substring(quiesced).contains(" E "), "no error during the stop");
    assertFalse(listening(EMBEDDED_DB_PORT), "the embedded PostgreSQL is gone");
  }

  private static List<String> incidents() throws IOException {
    if (!Files.isDirectory(FFDC)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(FFDC)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
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
