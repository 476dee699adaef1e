package com.pltfrms.iam.oauth.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUriTest {

  private static final RedirectUri WEB = new RedirectUri("https://app.example.com/cb?x=1");
  private static final RedirectUri NATIVE = new RedirectUri("http://127.0.0.1:8400/cb");

  @Test
  void matchesWhenSameStringThenTrue() {
    assertTrue(WEB.matches("https://app.example.com/cb?x=1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://app.example.com/cb?x=1/",
        "https://app.example.com/cb/?x=1",
        "https://APP.example.com/cb?x=1",
        "HTTPS://app.example.com/cb?x=1",
        "https://app.example.com/CB?x=1",
        "https://app.example.com/cb?x=1&y=2",
        "https://app.example.com/cb",
        "https://user@app.example.com/cb?x=1",
        "https://app.example.com/cb?x=1#frag",
        "https://app.example.com:443/cb?x=1",
        "https://app.example.com.evil.com/cb?x=1",
        "https://app.example.com/cb?x=1%20",
        ""
      })
  void matchesWhenAlmostTheSameThenFalse(String presented) {
    assertFalse(WEB.matches(presented));
  }

  @Test
  void matchesWhenNullThenFalse() {
    assertFalse(WEB.matches(null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8400/cb",
        "http://127.0.0.1:51234/cb",
        "http://127.0.0.1:1/cb",
        "http://127.0.0.1/cb"
      })
  void matchesWhenLoopbackOnAnyPortThenTrue(String presented) {
    assertTrue(NATIVE.matches(presented));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8400/cb/",
        "http://127.0.0.1:8400/cb?x=1",
        "http://127.0.0.1:8400/CB",
        "http://127.0.0.1:0/cb",
        "http://127.0.0.1:65536/cb",
        "http://127.0.0.1:123456/cb",
        "http://127.0.0.1:8400@evil.com/cb",
        "http://127.0.0.1.evil.com/cb",
        "http://127.0.0.1:/cb",
        "http://localhost:8400/cb",
        "https://127.0.0.1:8400/cb",
        "http://127.0.0.1:8400/cb#f"
      })
  void matchesWhenLoopbackOtherwiseDifferentThenFalse(String presented) {
    assertFalse(NATIVE.matches(presented));
  }

  @Test
  void matchesWhenIpv6LoopbackOnOtherPortThenTrue() {
    assertTrue(new RedirectUri("http://[::1]/cb").matches("http://[::1]:5000/cb"));
  }

  @Test
  void matchesAnyWhenOneRegisteredMatchesThenTrue() {
    assertTrue(RedirectUri.matchesAny(List.of(WEB, NATIVE), "http://127.0.0.1:9/cb"));
    assertFalse(RedirectUri.matchesAny(List.of(WEB, NATIVE), "https://evil.example/cb"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://app.example.com/cb",
        "http://localhost:3000/callback",
        "http://[::1]:8080/",
        "com.example.app:/oauth2redirect",
        "https://app.example.com/cb?tenant=a"
      })
  void constructorWhenRegistrableThenAccepted(String value) {
    assertNotNull(new RedirectUri(value));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/cb",
        "app.example.com/cb",
        "https://app.example.com/cb#x",
        "https://app.example.com/cb#",
        "https://*.example.com/cb",
        "https://app.example.com/*",
        "http://app.example.com/cb",
        "http://10.0.0.1/cb",
        "https://user:pw@app.example.com/cb",
        "HTTPS://app.example.com/cb",
        "javascript:alert(1)",
        "myapp:/cb",
        "https://app.example.com/c b",
        ""
      })
  void constructorWhenNotRegistrableThenRefused(String value) {
    assertThrows(IllegalArgumentException.class, () -> new RedirectUri(value));
  }

  @Test
  void constructorWhenTooLongThenRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new RedirectUri("https://a.example/" + "x".repeat(RedirectUri.MAX_LENGTH)));
  }

  @Test
  void problemWhenLinkWithCustomSchemeThenRefused() {
    assertNotNull(RedirectUri.problem("com.example.app:/x", false));
    assertNull(RedirectUri.problem("https://example.com/logo.png", false));
    assertNull(RedirectUri.problem("http://localhost/logo.png", false));
  }
}
