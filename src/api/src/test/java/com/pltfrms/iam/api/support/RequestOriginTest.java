package com.pltfrms.iam.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.shared.TrustedProxies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestOriginTest {

  private static final TrustedProxies PROXY = TrustedProxies.parse("10.0.0.0/8");

  private static RequestOrigin.Inbound inbound(
      String scheme, String host, String peer, Map<String, List<String>> headers) {
    return new RequestOrigin.Inbound(
        scheme,
        host,
        "192.0.2.10",
        scheme.equals("https") ? 9443 : 9080,
        peer,
        name -> headers.getOrDefault(name, List.of()));
  }

  private static RequestOrigin resolve(
      String host, String peer, Map<String, List<String>> headers) {
    return RequestOrigin.resolve(inbound("http", host, peer, headers), PROXY);
  }

  @Test
  void resolveWhenUntrustedCallerSendsHostileHostThenLocalAddress() {
    RequestOrigin origin = resolve("evil.example", "203.0.113.9", Map.of());
    assertEquals("http://192.0.2.10:9080", origin.origin());
    assertEquals("203.0.113.9", origin.clientAddress());
  }

  @Test
  void resolveWhenUntrustedCallerSendsForwardingHeadersThenIgnored() {
    RequestOrigin origin =
        resolve(
            "evil.example",
            "203.0.113.9",
            Map.of(
                "Forwarded", List.of("for=1.1.1.1;host=evil.example;proto=https"),
                "X-Forwarded-Host", List.of("evil.example"),
                "X-Forwarded-Proto", List.of("https"),
                "X-Forwarded-For", List.of("1.1.1.1")));
    assertEquals("http://192.0.2.10:9080", origin.origin());
    assertEquals("203.0.113.9", origin.clientAddress());
  }

  @Test
  void resolveWhenLoopbackHostThenHostHeaderNamesOrigin() {
    assertEquals(
        "http://localhost:9080", resolve("localhost:9080", "127.0.0.1", Map.of()).origin());
    assertEquals(
        "http://127.0.0.1:9080", resolve("127.0.0.1:9080", "203.0.113.9", Map.of()).origin());
    assertEquals("http://[::1]:9080", resolve("[::1]:9080", "::1", Map.of()).origin());
  }

  @Test
  void resolveWhenHttpsDefaultPortThenOmitted() {
    RequestOrigin origin =
        RequestOrigin.resolve(inbound("https", "localhost:443", "127.0.0.1", Map.of()), PROXY);
    assertEquals("https://localhost", origin.origin());
  }

  @Test
  void resolveWhenHostMalformedThenLocalAddress() {
    for (String host : new String[] {"", "a b", "x:99999", "[zz::1]", "exa_mple", null}) {
      assertEquals("http://192.0.2.10:9080", resolve(host, "127.0.0.1", Map.of()).origin());
    }
  }

  @Test
  void resolveWhenLocalAddressIpv6ThenBracketed() {
    RequestOrigin origin =
        RequestOrigin.resolve(
            new RequestOrigin.Inbound(
                "http", "evil.example", "2001:db8::5", 9080, "2001:db8::9", n -> List.of()),
            PROXY);
    assertEquals("http://[2001:db8::5]:9080", origin.origin());
  }

  @Test
  void resolveWhenTrustedProxySendsForwardedThenItsHostAndProto() {
    RequestOrigin origin =
        resolve(
            "iam.internal:9080",
            "10.0.0.2",
            Map.of("Forwarded", List.of("for=198.51.100.7;proto=https;host=id.example.com")));
    assertEquals("https://id.example.com", origin.origin());
    assertEquals("198.51.100.7", origin.clientAddress());
  }

  @Test
  void resolveWhenForwardedChainThenWalkedFromTheRightThroughTrustedHops() {
    // the client forged the first element; the edge proxy (10.0.0.3) recorded the real one
    RequestOrigin origin =
        resolve(
            "iam.internal",
            "10.0.0.2",
            Map.of(
                "Forwarded",
                List.of(
                    "for=1.1.1.1;host=evil.example;proto=http",
                    "for=\"[2001:db8::7]:4711\";host=\"id.example.com:8443\";proto=https, "
                        + "for=10.0.0.3;host=inner.example")));
    assertEquals("https://id.example.com:8443", origin.origin());
    assertEquals("[2001:db8::7]", origin.clientAddress());
  }

  @Test
  void resolveWhenForwardedWithoutHostThenTrustedProxysHostHeader() {
    RequestOrigin origin =
        resolve("id.example.com", "10.0.0.2", Map.of("Forwarded", List.of("for=192.0.2.60")));
    assertEquals("http://id.example.com", origin.origin());
    assertEquals("192.0.2.60", origin.clientAddress());
  }

  @Test
  void resolveWhenForwardedMalformedThenIgnored() {
    for (String bad :
        new String[] {"for", "for=\"unclosed", "for=1.1.1.1;for=2.2.2.2", "for=1.1.1.1 host=x"}) {
      RequestOrigin origin = resolve("evil.example", "10.0.0.2", Map.of("Forwarded", List.of(bad)));
      assertEquals("http://192.0.2.10:9080", origin.origin(), bad);
      assertEquals("10.0.0.2", origin.clientAddress(), bad);
    }
  }

  @Test
  void resolveWhenForwardedProtoOrHostInvalidThenFallsBack() {
    RequestOrigin origin =
        resolve(
            "id.example.com",
            "10.0.0.2",
            Map.of("Forwarded", List.of("for=192.0.2.60;proto=gopher;host=\"a b\"")));
    assertEquals("http://id.example.com", origin.origin());
  }

  @Test
  void resolveWhenTrustedProxySendsXForwardedThenHonoured() {
    RequestOrigin origin =
        resolve(
            "iam.internal:9080",
            "10.0.0.2",
            Map.of(
                "X-Forwarded-For", List.of("1.1.1.1, 198.51.100.7"),
                "X-Forwarded-Proto", List.of("https"),
                "X-Forwarded-Host", List.of("id.example.com"),
                "X-Forwarded-Port", List.of("8443")));
    assertEquals("https://id.example.com:8443", origin.origin());
    assertEquals("198.51.100.7", origin.clientAddress());
  }

  @Test
  void resolveWhenXForwardedListsThenEntryOfTheOutermostTrustedHop() {
    RequestOrigin origin =
        resolve(
            "iam.internal",
            "10.0.0.2",
            Map.of(
                "X-Forwarded-For", List.of("198.51.100.7", "10.0.0.3"),
                "X-Forwarded-Host", List.of("evil.example, id.example.com, inner.example"),
                "X-Forwarded-Proto", List.of("http, https, http")));
    assertEquals("https://id.example.com", origin.origin());
    assertEquals("198.51.100.7", origin.clientAddress());
  }

  @Test
  void resolveWhenTrustedProxySendsOnlyProtoThenHostHeaderWithThatScheme() {
    RequestOrigin origin =
        resolve("id.example.com", "10.0.0.2", Map.of("X-Forwarded-Proto", List.of("https")));
    assertEquals("https://id.example.com", origin.origin());
    assertEquals("10.0.0.2", origin.clientAddress());
  }

  @Test
  void resolveWhenNoProxiesTrustedThenLoopbackProxyNotBelieved() {
    RequestOrigin origin =
        RequestOrigin.resolve(
            inbound(
                "http",
                "localhost:9080",
                "127.0.0.1",
                Map.of("X-Forwarded-Host", List.of("evil.example"))),
            TrustedProxies.NONE);
    assertEquals("http://localhost:9080", origin.origin());
    assertTrue(origin.clientAddress().equals("127.0.0.1"));
  }

  @Test
  void stripPortWhenNodeHasPortThenRemoved() {
    assertEquals("192.0.2.1", RequestOrigin.stripPort("192.0.2.1:80"));
    assertEquals("[2001:db8::1]", RequestOrigin.stripPort("[2001:db8::1]:80"));
    assertEquals("2001:db8::1", RequestOrigin.stripPort("2001:db8::1"));
    assertEquals("unknown", RequestOrigin.stripPort("unknown"));
  }
}
