package com.pltfrms.iam.oauth.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ClientAuthenticationTest {

  private static FormParameters form(String body) {
    return FormParameters.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  private static String basic(String raw) {
    return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parseWhenBasicThenFormDecodesIdAndSecret() {
    ClientAuthentication auth =
        ClientAuthentication.parse(basic("a%3Ab:s%20e+cret"), form("grant_type=x"));
    assertEquals("a:b", auth.clientId());
    assertEquals("s e cret", auth.secret());
    assertTrue(auth.basic());
  }

  @Test
  void parseWhenPostThenClientSecretPost() {
    ClientAuthentication auth =
        ClientAuthentication.parse(null, form("client_id=svc&client_secret=shh"));
    assertEquals(ClientAuthentication.Method.CLIENT_SECRET_POST, auth.method());
    assertEquals("svc", auth.clientId());
  }

  @Test
  void parseWhenBasicMalformedThenInvalidClientWithChallenge() {
    OAuthProblem problem =
        assertThrows(
            OAuthProblem.class, () -> ClientAuthentication.parse("Basic %%%", form("a=b")));
    assertEquals(OAuthError.INVALID_CLIENT, problem.error());
    assertTrue(problem.basicAuthAttempted());
    OAuthProblem noColon =
        assertThrows(
            OAuthProblem.class, () -> ClientAuthentication.parse(basic("nocolon"), form("a=b")));
    assertEquals(OAuthError.INVALID_CLIENT, noColon.error());
  }

  @Test
  void parseWhenTwoMethodsThenInvalidRequest() {
    OAuthProblem problem =
        assertThrows(
            OAuthProblem.class,
            () -> ClientAuthentication.parse(basic("a:b"), form("client_secret=b")));
    assertEquals(OAuthError.INVALID_REQUEST, problem.error());
  }

  @Test
  void parseWhenBodyClientIdDiffersFromBasicThenInvalidRequest() {
    OAuthProblem problem =
        assertThrows(
            OAuthProblem.class,
            () -> ClientAuthentication.parse(basic("a:b"), form("client_id=other")));
    assertEquals(OAuthError.INVALID_REQUEST, problem.error());
  }

  @Test
  void parseWhenNoCredentialsThenInvalidClientWithoutChallenge() {
    OAuthProblem problem =
        assertThrows(OAuthProblem.class, () -> ClientAuthentication.parse(null, form("a=b")));
    assertEquals(OAuthError.INVALID_CLIENT, problem.error());
    assertFalse(problem.basicAuthAttempted());
    assertEquals(
        OAuthError.INVALID_CLIENT,
        assertThrows(
                OAuthProblem.class, () -> ClientAuthentication.parse(null, form("client_secret=x")))
            .error());
  }

  @Test
  void parseWhenOtherSchemeThenInvalidRequest() {
    OAuthProblem problem =
        assertThrows(
            OAuthProblem.class, () -> ClientAuthentication.parse("Bearer abc", form("a=b")));
    assertEquals(OAuthError.INVALID_REQUEST, problem.error());
  }

  @Test
  void toStringWhenPrintedThenNoSecret() {
    ClientAuthentication auth =
        ClientAuthentication.parse(null, form("client_id=svc&client_secret=topsecret"));
    assertFalse(auth.toString().contains("topsecret"));
  }
}
