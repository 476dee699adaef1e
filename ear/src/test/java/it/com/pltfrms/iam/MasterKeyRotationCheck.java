package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A master-key rotation, end to end: ci/test.sh restarts the server on the first run's data folder
 * with a new {@code IAM_MASTER_KEY} and the generated key as {@code IAM_MASTER_KEY_PREVIOUS}.
 * Everything sealed before still opens and signs; the re-seal moves every private key under the new
 * key without changing what signs, after which the previous key is no longer needed. Not an *IT:
 * ci/test.sh runs it, with {@link RestartCheck}, against a server started that way.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MasterKeyRotationCheck {

  private static String probeRealm() throws Exception {
    Properties probe = new Properties();
    try (InputStream in = Files.newInputStream(PersistenceSeedIT.PROBE)) {
      probe.load(in);
    }
    return probe.getProperty("realm");
  }

  private static String probeToken() throws Exception {
    Properties probe = new Properties();
    try (InputStream in = Files.newInputStream(PersistenceSeedIT.PROBE)) {
      probe.load(in);
    }
    return Iam.clientToken(
        probe.getProperty("realm"), "survivor", probe.getProperty("clientSecret"));
  }

  @Test
  @Order(1)
  void statusWhenRestartedWithNewKeyThenEverythingStillUnderThePrevious() throws Exception {
    Reply status = MasterKeyIT.masterKey("GET", "");

    assertEquals(200, status.status());
    String previous = MasterKeyIT.idOf(Files.readString(MasterKeyIT.KEY_FILE));
    assertEquals(previous, status.string("previousMasterKeyId"));
    assertEquals(Boolean.TRUE, status.json().get("previousStillNeeded"));
    @SuppressWarnings("unchecked")
    Map<String, Object> sealedUnder = (Map<String, Object>) status.json().get("sealedUnder");
    assertTrue(sealedUnder.containsKey(previous), sealedUnder.toString());
    assertEquals("UP", Iam.get("/health/ready").string("status"), "the previous key opens them");
  }

  @Test
  @Order(2)
  void resealWhenBothKeysHeldThenAllUnderNewKeyAndSameKeysSign() throws Exception {
    String kidBefore = KeyRotationIT.kidOf(probeToken());

    Reply reseal = MasterKeyIT.masterKey("POST", "/reseal");

    assertEquals(200, reseal.status(), reseal.body());
    assertEquals(0L, ((Number) reseal.json().get("remaining")).longValue());
    assertTrue(((Number) reseal.json().get("resealedKeys")).longValue() > 0);
    Reply status = MasterKeyIT.masterKey("GET", "");
    assertEquals(Boolean.FALSE, status.json().get("previousStillNeeded"));
    @SuppressWarnings("unchecked")
    Map<String, Object> sealedUnder = (Map<String, Object>) status.json().get("sealedUnder");
    assertEquals(java.util.Set.of(status.string("masterKeyId")), sealedUnder.keySet());
    String token = probeToken();
    assertEquals(kidBefore, KeyRotationIT.kidOf(token), "the same key signs");
    ClientCredentialsIT.verifierFor(probeRealm()).processToClaims(token);
    assertEquals(
        1, Iam.admin("GET", "/" + probeRealm() + "/audit?type=KEY_RESEALED", null).items().size());
  }
}
