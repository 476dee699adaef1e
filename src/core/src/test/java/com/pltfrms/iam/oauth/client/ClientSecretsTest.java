package com.pltfrms.iam.oauth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.shared.ApplicationProblem;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClientSecretsTest {

  @Test
  void generateWhenCalledThen256BitBase64UrlAndUnique() {
    String secret = ClientSecrets.generate();
    assertEquals(43, secret.length());
    assertTrue(secret.matches("[A-Za-z0-9_-]+"));
    assertNotEquals(secret, ClientSecrets.generate());
  }

  @Test
  void matchesWhenSameSecretThenTrueElseFalse() {
    String hash = ClientSecrets.hash("s3cret");
    assertEquals(64, hash.length());
    assertTrue(ClientSecrets.matches("s3cret", hash));
    assertFalse(ClientSecrets.matches("s3creT", hash));
    assertFalse(ClientSecrets.matches("s3cret", null));
  }

  @Test
  void clientWhenIdOrEntriesInvalidThenInvalidProblem() {
    Instant now = Instant.now();
    for (String bad : List.of("has space", "c".repeat(129), "")) {
      assertEquals(
          ApplicationProblem.Kind.INVALID,
          assertThrows(
                  ApplicationProblem.class,
                  () -> new OAuthClient("r", bad, ClientType.SERVICE, now))
              .kind());
    }
    OAuthClient client = new OAuthClient("r", "svc", ClientType.SERVICE, now);
    assertThrows(ApplicationProblem.class, () -> client.setAllowedScopes(List.of("bad\"scope")));
    assertThrows(ApplicationProblem.class, () -> client.setRoles(Collections.nCopies(101, "role")));
    // each entry valid, all together wider than the column (2048)
    List<String> longScopes =
        IntStream.range(0, 100).mapToObj(i -> String.format("%03d", i) + "s".repeat(125)).toList();
    assertThrows(ApplicationProblem.class, () -> client.setAllowedScopes(longScopes));
  }

  @Test
  void clientWhenSecretRotatedThenOnlyNewSecretMatchesAndToStringHidesIt() {
    OAuthClient client = new OAuthClient("r", "svc", ClientType.SERVICE, Instant.now());
    String first = client.rotateSecret();
    String second = client.rotateSecret();
    ClientSnapshot snapshot = client.snapshot();
    assertFalse(snapshot.secretMatches(first));
    assertTrue(snapshot.secretMatches(second));
    assertFalse(snapshot.toString().contains(snapshot.secretHash()));
    assertFalse(client.toString().contains(snapshot.secretHash()));
  }

  @Test
  void typeWhenNotYetSupportedThenInvalidProblem() {
    assertEquals(ClientType.SERVICE, ClientType.parse("service"));
    assertEquals(ClientType.SERVICE, ClientType.parse(null));
    assertThrows(ApplicationProblem.class, () -> ClientType.parse("public"));
    assertThrows(ApplicationProblem.class, () -> ClientType.parse("robot"));
  }
}
