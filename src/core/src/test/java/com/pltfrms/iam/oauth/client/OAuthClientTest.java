package com.pltfrms.iam.oauth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.oauth.protocol.Scope;
import com.pltfrms.iam.shared.ApplicationProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class OAuthClientTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static OAuthClient client() {
    return new OAuthClient("realm-1", "svc", ClientType.SERVICE, NOW);
  }

  private static ApplicationProblem.Kind kindOf(Executable executable) {
    return assertThrows(ApplicationProblem.class, executable).kind();
  }

  private static List<String> distinct(int count, String prefix) {
    return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
  }

  @Test
  void constructorWhenValidThenEnabledWithNothingAllowed() {
    ClientSnapshot snapshot = client().snapshot();
    assertEquals("svc", snapshot.clientId());
    assertTrue(snapshot.enabled());
    assertTrue(snapshot.allowedScopes().isEmpty());
    assertEquals(List.of(), snapshot.roles());
    assertNull(snapshot.secretHash());
  }

  @Test
  void constructorWhenClientIdUsesEveryAllowedCharacterThenAccepted() {
    OAuthClient client = new OAuthClient("r", "Az09._~:-", ClientType.SERVICE, NOW);
    assertEquals("Az09._~:-", client.clientId());
  }

  @Test
  void constructorWhenClientId128CharactersThenAccepted() {
    String id = "c".repeat(128);
    assertEquals(id, new OAuthClient("r", id, ClientType.SERVICE, NOW).clientId());
  }

  @Test
  void constructorWhenClientIdHasSpaceThenInvalid() {
    assertEquals(
        ApplicationProblem.Kind.INVALID,
        kindOf(() -> new OAuthClient("r", "has space", ClientType.SERVICE, NOW)));
  }

  @Test
  void constructorWhenClientId129CharactersThenInvalid() {
    assertEquals(
        ApplicationProblem.Kind.INVALID,
        kindOf(() -> new OAuthClient("r", "c".repeat(129), ClientType.SERVICE, NOW)));
  }

  @Test
  void constructorWhenClientIdEmptyThenInvalid() {
    assertEquals(
        ApplicationProblem.Kind.INVALID,
        kindOf(() -> new OAuthClient("r", "", ClientType.SERVICE, NOW)));
  }

  @Test
  void constructorWhenClientIdNullThenInvalid() {
    assertEquals(
        ApplicationProblem.Kind.INVALID,
        kindOf(() -> new OAuthClient("r", null, ClientType.SERVICE, NOW)));
  }

  @Test
  void constructorWhenClientIdHasSlashOrPercentThenInvalid() {
    for (String bad : List.of("a/b", "a%20b", "a@b", "é")) {
      assertEquals(
          ApplicationProblem.Kind.INVALID,
          kindOf(() -> new OAuthClient("r", bad, ClientType.SERVICE, NOW)),
          bad);
    }
  }

  @Test
  void setAllowedScopesWhenValidThenKeptInOrderWithoutDuplicates() {
    OAuthClient client = client();
    client.setAllowedScopes(List.of("write", "read", "write"));
    assertEquals(Scope.parse("write read"), client.snapshot().allowedScopes());
    assertEquals("write read", client.snapshot().allowedScopes().value());
  }

  @Test
  void setAllowedScopesWhenTokenHasQuoteThenInvalid() {
    OAuthClient client = client();
    assertEquals(
        ApplicationProblem.Kind.INVALID,
        kindOf(() -> client.setAllowedScopes(List.of("bad\"scope"))));
  }

  @Test
  void setAllowedScopesWhenTokenHasSpaceThenInvalid() {
    OAuthClient client = client();
    assertEquals(
        ApplicationProblem.Kind.INVALID, kindOf(() -> client.setAllowedScopes(List.of("a b"))));
  }

  @Test
  void setAllowedScopesWhenTokenEmptyThenInvalid() {
    OAuthClient client = client();
    assertEquals(
        ApplicationProblem.Kind.INVALID, kindOf(() -> client.setAllowedScopes(List.of(""))));
  }

  @Test
  void setAllowedScopesWhenTokenNullThenInvalid() {
    OAuthClient client = client();
    List<String> scopes = new ArrayList<>();
    scopes.add(null);
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf(() -> client.setAllowedScopes(scopes)));
  }

  @Test
  void setAllowedScopesWhen100EntriesThenAccepted() {
    OAuthClient client = client();
    client.setAllowedScopes(distinct(100, "s"));
    assertEquals(100, client.snapshot().allowedScopes().tokens().size());
  }

  @Test
  void setAllowedScopesWhenMoreThan100EntriesThenInvalid() {
    OAuthClient client = client();
    assertEquals(
        ApplicationProblem.Kind.INVALID, kindOf(() -> client.setAllowedScopes(distinct(101, "s"))));
  }

  @Test
  void setAllowedScopesWhenJoinedLongerThanColumnThenInvalid() {
    OAuthClient client = client();
    // each entry valid, all together wider than the column (2048)
    List<String> longScopes =
        IntStream.range(0, 100).mapToObj(i -> String.format("%03d", i) + "s".repeat(125)).toList();
    assertEquals(
        ApplicationProblem.Kind.INVALID, kindOf(() -> client.setAllowedScopes(longScopes)));
  }

  @Test
  void setAllowedScopesWhenRefusedThenPreviousScopesKept() {
    OAuthClient client = client();
    client.setAllowedScopes(List.of("read"));
    assertThrows(ApplicationProblem.class, () -> client.setAllowedScopes(List.of("bad\"scope")));
    assertEquals("read", client.snapshot().allowedScopes().value());
  }

  @Test
  void setRolesWhenValidThenKept() {
    OAuthClient client = client();
    client.setRoles(List.of("admin", "ops:read"));
    assertEquals(List.of("admin", "ops:read"), client.snapshot().roles());
  }

  @Test
  void setRolesWhenMoreThan100EntriesThenInvalid() {
    OAuthClient client = client();
    assertEquals(
        ApplicationProblem.Kind.INVALID,
        kindOf(() -> client.setRoles(Collections.nCopies(101, "role"))));
  }

  @Test
  void setRolesWhenRoleHasInvalidCharacterThenInvalid() {
    OAuthClient client = client();
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf(() -> client.setRoles(List.of("a~b"))));
  }

  @Test
  void setRolesWhenRoleLongerThan64ThenInvalid() {
    OAuthClient client = client();
    assertEquals(
        ApplicationProblem.Kind.INVALID, kindOf(() -> client.setRoles(List.of("r".repeat(65)))));
  }

  @Test
  void setDisplayNameWhenLongerThan255ThenInvalid() {
    OAuthClient client = client();
    assertEquals(
        ApplicationProblem.Kind.INVALID, kindOf(() -> client.setDisplayName("d".repeat(256))));
  }

  @Test
  void rotateSecretWhenRotatedThenOnlyNewSecretMatches() {
    OAuthClient client = client();
    String first = client.rotateSecret();
    String second = client.rotateSecret();
    ClientSnapshot snapshot = client.snapshot();
    assertFalse(snapshot.secretMatches(first));
    assertTrue(snapshot.secretMatches(second));
  }

  @Test
  void useSecretWhenSetThenMatches() {
    OAuthClient client = client();
    client.useSecret("bootstrap-secret");
    assertTrue(client.snapshot().secretMatches("bootstrap-secret"));
  }

  @Test
  void toStringWhenSecretSetThenNoSecretNorHash() {
    OAuthClient client = client();
    String secret = client.rotateSecret();
    String printed = client.toString();
    assertFalse(printed.contains(secret));
    assertFalse(printed.contains(client.snapshot().secretHash()));
  }

  @Test
  void snapshotToStringWhenSecretSetThenNoHash() {
    OAuthClient client = client();
    client.rotateSecret();
    ClientSnapshot snapshot = client.snapshot();
    assertFalse(snapshot.toString().contains(snapshot.secretHash()));
  }
}
