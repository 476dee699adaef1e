package com.pltfrms.iam.oauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which realm an issuer names, with and without a configured base URL. */
class AccessTokenVerifierTest {

  private static final Optional<String> CONFIGURED = Optional.of("https://id.example.com");

  @Test
  void realmNameWhenConfiguredBaseThenRealmAfterIt() {
    assertEquals(
        Optional.of("acme"),
        AccessTokenVerifier.realmName("https://id.example.com/realms/acme", CONFIGURED));
  }

  @Test
  void realmNameWhenConfiguredBaseWithTrailingSlashThenSame() {
    assertEquals(
        Optional.of("acme"),
        AccessTokenVerifier.realmName(
            "https://id.example.com/realms/acme", Optional.of("https://id.example.com/")));
  }

  @Test
  void realmNameWhenOtherOriginThanConfiguredThenNone() {
    assertEquals(
        Optional.empty(),
        AccessTokenVerifier.realmName("https://evil.example/realms/acme", CONFIGURED));
  }

  @Test
  void realmNameWhenNoBaseConfiguredThenAnyHttpOrigin() {
    assertEquals(
        Optional.of("system"),
        AccessTokenVerifier.realmName("http://127.0.0.1:9080/realms/system", Optional.empty()));
  }

  @Test
  void realmNameWhenNotHttpThenNone() {
    assertEquals(
        Optional.empty(), AccessTokenVerifier.realmName("ftp://h/realms/system", Optional.empty()));
  }

  @Test
  void realmNameWhenExtraPathThenNone() {
    assertEquals(
        Optional.empty(),
        AccessTokenVerifier.realmName("http://h/realms/system/x", Optional.empty()));
    assertEquals(
        Optional.empty(),
        AccessTokenVerifier.realmName("https://id.example.com/realms/a/b", CONFIGURED));
  }

  @Test
  void realmNameWhenNoRealmThenNone() {
    assertEquals(
        Optional.empty(), AccessTokenVerifier.realmName("http://h/realms/", Optional.empty()));
    assertEquals(
        Optional.empty(), AccessTokenVerifier.realmName("http://h/other", Optional.empty()));
  }

  @Test
  void realmNameWhenQueryOrFragmentThenNone() {
    assertEquals(
        Optional.empty(), AccessTokenVerifier.realmName("http://h/realms/a?x=1", Optional.empty()));
    assertEquals(
        Optional.empty(), AccessTokenVerifier.realmName("http://h/realms/a#f", Optional.empty()));
  }

  @Test
  void realmNameWhenNotAUriThenNone() {
    assertEquals(
        Optional.empty(), AccessTokenVerifier.realmName("http://h h/realms/a", Optional.empty()));
  }
}
