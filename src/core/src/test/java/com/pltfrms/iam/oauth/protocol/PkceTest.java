package com.pltfrms.iam.oauth.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceTest {

  /** RFC 7636 Appendix B. */
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

  private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  @Test
  void challengeOfWhenRfcExampleThenRfcChallenge() {
    assertEquals(CHALLENGE, Pkce.challengeOf(VERIFIER));
  }

  @Test
  void verifiesWhenVerifierMatchesThenTrue() {
    assertTrue(Pkce.verifies(CHALLENGE, VERIFIER));
  }

  @Test
  void verifiesWhenVerifierDiffersThenFalse() {
    assertFalse(Pkce.verifies(CHALLENGE, VERIFIER.substring(1) + "A"));
  }

  @Test
  void verifiesWhenVerifierIsTheChallengeThenFalse() {
    // what a plain-method downgrade would send
    assertFalse(Pkce.verifies(CHALLENGE, CHALLENGE));
  }

  @Test
  void verifiesWhenMissingOrMalformedThenFalse() {
    assertFalse(Pkce.verifies(CHALLENGE, null));
    assertFalse(Pkce.verifies(null, VERIFIER));
    assertFalse(Pkce.verifies(CHALLENGE, "short"));
    assertFalse(Pkce.verifies(CHALLENGE, VERIFIER + "+"));
    assertFalse(Pkce.verifies(CHALLENGE, "a".repeat(129)));
  }

  @Test
  void wellFormedWhenAtBoundsThenTrue() {
    assertTrue(Pkce.wellFormed("a".repeat(43)));
    assertTrue(Pkce.wellFormed("-._~" + "a".repeat(124)));
    assertFalse(Pkce.wellFormed("a".repeat(42)));
    assertFalse(Pkce.wellFormed("a".repeat(129)));
  }
}
