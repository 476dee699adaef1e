package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Leaves a realm, a client and a rotated key behind, and writes down what to look for, so that
 * {@link RestartCheck} (run by ci/test.sh after the server is stopped and started again on the same
 * data folder) can show nothing was lost.
 */
class PersistenceSeedIT {

  static final Path PROBE = Path.of("target", "restart-probe.properties");

  @Test
  void seedWhenServerRunsThenProbeWritten() throws IOException {
    String realm = Iam.newRealm("restart");
    String secret = Iam.newClient(realm, "survivor", "[\"read\"]", "[]");
    String kid = Iam.admin("POST", "/" + realm + "/keys", null).string("kid");
    assertEquals(200, Iam.admin("POST", "/" + realm + "/keys/" + kid + "/activate", null).status());
    Properties probe = new Properties();
    probe.setProperty("realm", realm);
    probe.setProperty("clientSecret", secret);
    probe.setProperty("kid", kid);
    try (OutputStream out = Files.newOutputStream(PROBE)) {
      probe.store(out, "written by PersistenceSeedIT for RestartCheck");
    }
  }
}
