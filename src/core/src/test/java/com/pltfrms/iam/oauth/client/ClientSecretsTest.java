package com.pltfrms.iam.oauth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ClientSecretsTest {

  @Test
  void generateWhenCalledThen43CharactersOfBase64Url() {
    String secret = ClientSecrets.generate();
    assertEquals(43, secret.length());
    assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), secret);
  }

  @Test
  void generateWhenDecodedThen256Bits() {
    assertEquals(32, Base64.getUrlDecoder().decode(ClientSecrets.generate()).length);
  }

  @Test
  void generateWhenCalledTwiceThenDistinct() {
    assertNotEquals(ClientSecrets.generate(), ClientSecrets.generate());
  }

  @Test
  void hashWhenSecretGivenThen64LowercaseHexCharacters() {
    assertTrue(ClientSecrets.hash("s3cret").matches("[0-9a-f]{64}"));
  }

  @Test
  void hashWhenKnownInputThenSha256() {
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ClientSecrets.hash("abc"));
  }

  @Test
  void hashWhenSameSecretThenSameHash() {
    assertEquals(ClientSecrets.hash("s3cret"), ClientSecrets.hash("s3cret"));
  }

  @Test
  void matchesWhenSameSecretThenTrue() {
    assertTrue(ClientSecrets.matches("s3cret", ClientSecrets.hash("s3cret")));
  }

  @Test
  void matchesWhenOtherSecretThenFalse() {
    assertFalse(ClientSecrets.matches("s3creT", ClientSecrets.hash("s3cret")));
  }

  @Test
  void matchesWhenGeneratedSecretThenTrue() {
    String secret = ClientSecrets.generate();
    assertTrue(ClientSecrets.matches(secret, ClientSecrets.hash(secret)));
  }

  @Test
  void matchesWhenStoredHashNullThenFalse() {
    assertFalse(ClientSecrets.matches("anything", null));
  }

  @Test
  void matchesWhenPresentedEmptyAndStoredHashNullThenFalse() {
    assertFalse(ClientSecrets.matches("", null));
  }

  @Test
  void matchesWhenStoredHashUppercaseThenTrue() {
    assertTrue(ClientSecrets.matches("s3cret", ClientSecrets.hash("s3cret").toUpperCase()));
  }
}
