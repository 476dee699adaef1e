package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Properties;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/**
 * After a stop and a start on the same data folder: the realm, its client (secret), its keys
 * (decrypted with the master key kept in the data folder) and its audit chain are all still there.
 * Not an *IT: ci/test.sh runs it alone, in a second server start after {@link PersistenceSeedIT}.
 */
class RestartCheck {

  @Test
  void restartWhenSameDataFolderThenEverythingStillThere() throws Exception {
    Properties probe = new Properties();
    try (InputStream in = Files.newInputStream(PersistenceSeedIT.PROBE)) {
      probe.load(in);
    } catch (IOException e) {
      throw new AssertionError("run PersistenceSeedIT first (ci/test.sh does)", e);
    }
    String realm = probe.getProperty("realm");

    assertEquals(200, Iam.admin("GET", "/" + realm, null).status());
    String token = Iam.clientToken(realm, "survivor", probe.getProperty("clientSecret"));
    JsonWebSignature jws = new JsonWebSignature();
    jws.setCompactSerialization(token);
    assertEquals(
        probe.getProperty("kid"), jws.getKeyIdHeaderValue(), "the activated key still signs");
    ClientCredentialsIT.verifierFor(realm).processToClaims(token);

    Reply chain = Iam.admin("GET", "/" + realm + "/audit/verify", null);
    assertEquals(Boolean.TRUE, chain.json().get("valid"));
    assertTrue(((Number) chain.json().get("checked")).longValue() >= 5);

    // ci/test.sh restarts with IAM_DB_MIGRATE=false: the schema is there, so the server is ready,
    // and nothing was generated again: the first start's notice is never repeated.
    String log = ServerLog.read();
    assertTrue(log.contains("IAM_DB_MIGRATE=false"), "migration was switched off");
    assertEquals(0, ServerLog.count(log, "Generated password"));
    assertEquals(1, ServerLog.count(ServerLog.readAll(), "Generated password"), "once, ever");
    assertEquals("UP", Iam.get("/health/ready").string("status"));
  }
}
