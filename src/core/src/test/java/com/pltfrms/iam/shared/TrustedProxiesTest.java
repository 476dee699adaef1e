package com.pltfrms.iam.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

  private static final TrustedProxies PROXIES =
      TrustedProxies.parse("10.0.0.0/8, 192.0.2.7 ,, 2001:db8:1::/48, [fd00::1]");

  @Test
  void trustsWhenInsideIpv4BlockThenTrue() {
    assertTrue(PROXIES.trusts("10.1.2.3"));
    assertTrue(PROXIES.trusts("10.255.255.255"));
    assertFalse(PROXIES.trusts("11.0.0.0"));
  }

  @Test
  void trustsWhenSingleAddressThenOnlyThatOne() {
    assertTrue(PROXIES.trusts("192.0.2.7"));
    assertFalse(PROXIES.trusts("192.0.2.8"));
  }

  @Test
  void trustsWhenIpv6ThenByPrefix() {
    assertTrue(PROXIES.trusts("2001:db8:1:ffff::1"));
    assertTrue(PROXIES.trusts("[2001:db8:1::5]"));
    assertFalse(PROXIES.trusts("2001:db8:2::1"));
    assertTrue(PROXIES.trusts("fd00:0:0:0:0:0:0:1"));
    assertFalse(PROXIES.trusts("fd00::2"));
  }

  @Test
  void trustsWhenIpv4MappedIpv6ThenAsIpv4() {
    assertTrue(PROXIES.trusts("::ffff:10.0.0.1"));
    assertFalse(PROXIES.trusts("::ffff:11.0.0.1"));
  }

  @Test
  void trustsWhenPrefixNotOnByteBoundaryThenBitsCompared() {
    TrustedProxies proxies = TrustedProxies.parse("172.16.0.0/12");
    assertTrue(proxies.trusts("172.31.255.255"));
    assertFalse(proxies.trusts("172.32.0.0"));
    assertFalse(proxies.trusts("172.15.255.255"));
  }

  @Test
  void trustsWhenZeroPrefixThenEveryAddressOfThatFamily() {
    TrustedProxies proxies = TrustedProxies.parse("0.0.0.0/0");
    assertTrue(proxies.trusts("203.0.113.9"));
    assertFalse(proxies.trusts("2001:db8::1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "unknown",
        "_hidden",
        "",
        "localhost",
        "10.0.0",
        "10.0.0.256",
        "10.0.0.1:80",
        "abc.example",
        "1::2::3",
        "fe80::1%eth0"
      })
  void trustsWhenNotAnAddressLiteralThenFalse(String value) {
    assertFalse(TrustedProxies.parse("0.0.0.0/0, ::/0").trusts(value));
  }

  @Test
  void trustsWhenNullThenFalse() {
    assertFalse(PROXIES.trusts(null));
  }

  @Test
  void parseWhenBlankThenTrustsNobody() {
    assertTrue(TrustedProxies.parse(" , ").isEmpty());
    assertFalse(TrustedProxies.NONE.trusts("127.0.0.1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "proxy.example",
        "10.0.0.0/33",
        "10.0.0.0/",
        "10.0.0.0/-1",
        "10.0.0.0/8/8",
        "2001:db8::/129",
        "10.0.0.1/8",
        "2001:db8::1/32",
        "10.0.0.0/ 8",
        "1.2.3"
      })
  void parseWhenMalformedThenIllegalArgumentNamingSetting(String entry) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> TrustedProxies.parse("127.0.0.1," + entry));
    assertTrue(e.getMessage().startsWith("IAM_TRUSTED_PROXIES"), e.getMessage());
  }

  @Test
  void walkWhenPeerUntrustedThenPeerIsClientAndHeadersIgnored() {
    assertEquals(
        new TrustedProxies.Walk(-1, "203.0.113.9"),
        PROXIES.walk("203.0.113.9", List.of("198.51.100.1")));
  }

  @Test
  void walkWhenPeerTrustedThenRightmostUntrustedIsClient() {
    // a client-supplied 1.1.1.1 at the left is ignored: 198.51.100.1 reached the trusted chain
    assertEquals(
        new TrustedProxies.Walk(1, "198.51.100.1"),
        PROXIES.walk("10.0.0.2", List.of("1.1.1.1", "198.51.100.1", "10.0.0.3")));
  }

  @Test
  void walkWhenEveryHopTrustedThenLeftmostIsClient() {
    assertEquals(
        new TrustedProxies.Walk(0, "10.9.9.9"), PROXIES.walk("10.0.0.2", List.of("10.9.9.9")));
  }

  @Test
  void walkWhenHopNotAnAddressThenReportingProxyIsClient() {
    assertEquals(
        new TrustedProxies.Walk(1, "10.0.0.3"),
        PROXIES.walk("10.0.0.2", List.of("1.1.1.1", "unknown", "10.0.0.3")));
  }

  @Test
  void walkWhenNoForwardingThenPeer() {
    assertEquals(new TrustedProxies.Walk(-1, "10.0.0.2"), PROXIES.walk("10.0.0.2", List.of()));
  }
}
