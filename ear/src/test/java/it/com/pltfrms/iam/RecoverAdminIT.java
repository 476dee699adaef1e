package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The operator's recovery command, run as the operator would (its own process, the server's
 * database settings): on a server whose only admin is disabled it creates a new system admin
 * client, prints the secret to its own output only, and the running server accepts it at once.
 */
class RecoverAdminIT {

  private record Run(int exit, String out, String err) {}

  private static Run recover(String... args) throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "com.pltfrms.iam.runtime.RecoverAdmin"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("IAM_"));
    // As in zero-setup mode: the embedded database found by its data folder and port.
    env.put("IAM_DATA_DIR", Iam.DATA_DIR.toString());
    env.put(
        "IAM_EMBEDDED_DB_PORT", Integer.toString(URI.create(Iam.DB_URL.substring(5)).getPort()));
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command did not finish");
    return new Run(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  /** Disables iam-admin behind the server's back, as a lost or broken admin would look. */
  private static void setBootstrapAdminEnabled(boolean enabled) throws Exception {
    try (Connection db = Iam.database();
        PreparedStatement update =
            db.prepareStatement(
                "UPDATE oauth_client SET enabled = ?, version = version + 1"
                    + " WHERE client_id = 'iam-admin'"
                    + " AND realm_id = (SELECT id FROM realm WHERE name = 'system')");
        PreparedStatement notice =
            db.prepareStatement(
                "SELECT pg_notify('iam_cache', 'CLIENT:' || realm_id || ' iam-admin')"
                    + " FROM oauth_client WHERE client_id = 'iam-admin'"
                    + " AND realm_id = (SELECT id FROM realm WHERE name = 'system')")) {
      update.setBoolean(1, enabled);
      assertEquals(1, update.executeUpdate());
      notice.execute();
    }
  }

  private static int awaitStatus(String token, int expected) throws InterruptedException {
    int status = -1;
    for (int i = 0; i < 50 && status != expected; i++) {
      status = Iam.adminAs(token, "GET", "", null).status();
      if (status != expected) {
        Thread.sleep(100);
      }
    }
    return status;
  }

  @Test
  void recoverWhenNoAdminLeftThenNewAdminClientWorksAtOnceAndCanRepair() throws Exception {
    String bootstrapToken = Iam.adminToken();
    String clientId = "rescue-" + System.nanoTime();
    setBootstrapAdminEnabled(false);
    try {
      assertEquals(401, awaitStatus(bootstrapToken, 401), "iam-admin is locked out");

      Run run = recover("--client-id", clientId);
      assertEquals(0, run.exit(), run.err());
      String secret = run.out().lines().toList().get(1).strip();
      assertTrue(secret.length() >= 43, "a 256-bit secret");

      String rescueToken = Iam.clientToken("system", clientId, secret);
      assertEquals(200, awaitStatus(rescueToken, 200));
      Reply repaired =
          Iam.adminAs(rescueToken, "PATCH", "/system/clients/iam-admin", "{\"enabled\":true}");
      assertEquals(200, repaired.status(), repaired.body());
      assertEquals(200, Iam.adminAs(bootstrapToken, "GET", "", null).status());

      Reply created = Iam.admin("GET", "/system/audit?type=CLIENT_CREATED&limit=200", null);
      assertTrue(
          created.items().stream()
              .anyMatch(e -> clientId.equals(e.get("target")) && "recovery".equals(e.get("actor"))),
          created.body());
      assertFalse(ServerLog.read().contains(secret), "the secret reached the server log");
    } finally {
      setBootstrapAdminEnabled(true);
    }
    assertEquals(204, Iam.admin("DELETE", "/system/clients/" + clientId, null).status());
  }

  @Test
  void recoverWhenClientIdTakenThenExit2AndNothingCreated() throws Exception {
    Run run = recover("--client-id", "iam-admin");
    assertEquals(2, run.exit(), run.out() + run.err());
    assertEquals("", run.out());
  }

  @Test
  void recoverWhenArgumentsWrongThenExit2() throws Exception {
    assertEquals(2, recover("--client-id", "bad id with spaces").exit());
    assertEquals(2, recover("--frobnicate").exit());
  }
}
