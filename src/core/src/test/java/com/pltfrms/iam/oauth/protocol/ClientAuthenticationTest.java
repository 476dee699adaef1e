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
    return basic(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static String basic(byte[] raw) {
    return "Basic " + Base64.getEncoder().encodeToString(raw);
  }

  private static OAuthProblem problemOf(String authorization, String body) {
    return assertThrows(
        OAuthProblem.class, () -> ClientAuthentication.parse(authorization, form(body)));
  }

  @Test
  void parseWhenBasicThenClientSecretBasic() {
    ClientAuthentication auth = ClientAuthentication.parse(basic("svc:shh"), form("grant_type=x"));
    assertEquals("svc", auth.clientId());
    assertEquals("shh", auth.secret());
    assertEquals(ClientAuthentication.Method.CLIENT_SECRET_BASIC, auth.method());
    assertTrue(auth.basic());
  }

  @Test
  void parseWhenBasicIdFormEncodedThenDecoded() {
    ClientAuthentication auth = ClientAuthentication.parse(basic("a%3Ab:s"), form("grant_type=x"));
    assertEquals("a:b", auth.clientId());
  }

  @Test
  void parseWhenBasicSecretFormEncodedThenDecoded() {
    ClientAuthentication auth =
        ClientAuthentication.parse(basic("a:s%20e+cret%3A%25"), form("grant_type=x"));
    assertEquals("s e cret:%", auth.secret());
  }

  @Test
  void parseWhenBasicSecretHoldsRawColonThenSplitAtFirstColon() {
    ClientAuthentication auth = ClientAuthentication.parse(basic("a:b:c"), form("grant_type=x"));
    assertEquals("a", auth.clientId());
    assertEquals("b:c", auth.secret());
  }

  @Test
  void parseWhenSchemeInOtherCaseThenBasic() {
    String header = "basic " + Base64.getEncoder().encodeToString("a:b".getBytes());
    assertTrue(ClientAuthentication.parse(header, form("grant_type=x")).basic());
  }

  @Test
  void parseWhenBasicAndSameClientIdInBodyThenAccepted() {
    ClientAuthentication auth = ClientAuthentication.parse(basic("svc:shh"), form("client_id=svc"));
    assertEquals("svc", auth.clientId());
  }

  @Test
  void parseWhenBasicNotBase64ThenInvalidClient() {
    assertEquals(OAuthError.INVALID_CLIENT, problemOf("Basic %%%", "a=b").error());
  }

  @Test
  void parseWhenBasicNotBase64ThenBasicAuthAttempted() {
    assertTrue(problemOf("Basic %%%", "a=b").basicAuthAttempted());
  }

  @Test
  void parseWhenBasicNotUtf8ThenInvalidClient() {
    OAuthProblem problem = problemOf(basic(new byte[] {'a', ':', (byte) 0xFF}), "a=b");
    assertEquals(OAuthError.INVALID_CLIENT, problem.error());
    assertTrue(problem.basicAuthAttempted());
  }

  @Test
  void parseWhenBasicWithoutColonThenInvalidClient() {
    OAuthProblem problem = problemOf(basic("nocolon"), "a=b");
    assertEquals(OAuthError.INVALID_CLIENT, problem.error());
    assertTrue(problem.basicAuthAttempted());
  }

  @Test
  void parseWhenBasicPercentEncodingMalformedThenInvalidClient() {
    OAuthProblem problem = problemOf(basic("a:%zz"), "a=b");
    assertEquals(OAuthError.INVALID_CLIENT, problem.error());
    assertTrue(problem.basicAuthAttempted());
  }

  @Test
  void parseWhenBasicIdHoldsEncodedNulThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, problemOf(basic("%00:secret"), "a=b").error());
  }

  @Test
  void parseWhenBasicIdHoldsRawControlCharacterThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, problemOf(basic("a\u0001b:secret"), "a=b").error());
  }

  @Test
  void parseWhenBasicSecretHoldsLineBreakThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, problemOf(basic("a:se%0Acret"), "a=b").error());
  }

  @Test
  void parseWhenBasicIdEmptyThenInvalidClient() {
    OAuthProblem problem = problemOf(basic(":secret"), "a=b");
    assertEquals(OAuthError.INVALID_CLIENT, problem.error());
    assertTrue(problem.basicAuthAttempted());
  }

  @Test
  void parseWhenBasicIdTooLongThenInvalidClient() {
    assertEquals(
        OAuthError.INVALID_CLIENT, problemOf(basic("c".repeat(256) + ":s"), "a=b").error());
  }

  @Test
  void parseWhenBasicSecretTooLongThenInvalidClient() {
    assertEquals(
        OAuthError.INVALID_CLIENT, problemOf(basic("c:" + "s".repeat(513)), "a=b").error());
  }

  @Test
  void parseWhenBasicAndClientSecretInBodyThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, problemOf(basic("a:b"), "client_secret=b").error());
  }

  @Test
  void parseWhenBodyClientIdDiffersFromBasicThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, problemOf(basic("a:b"), "client_id=other").error());
  }

  @Test
  void parseWhenPostThenClientSecretPost() {
    ClientAuthentication auth =
        ClientAuthentication.parse(null, form("client_id=svc&client_secret=shh"));
    assertEquals(ClientAuthentication.Method.CLIENT_SECRET_POST, auth.method());
    assertEquals("svc", auth.clientId());
    assertEquals("shh", auth.secret());
    assertFalse(auth.basic());
  }

  @Test
  void parseWhenHeaderEmptyThenReadsBody() {
    ClientAuthentication auth =
        ClientAuthentication.parse("", form("client_id=svc&client_secret=shh"));
    assertEquals(ClientAuthentication.Method.CLIENT_SECRET_POST, auth.method());
  }

  @Test
  void parseWhenPostWithoutClientIdThenInvalidClient() {
    assertEquals(OAuthError.INVALID_CLIENT, problemOf(null, "client_secret=x").error());
  }

  @Test
  void parseWhenPostWithoutClientSecretThenInvalidClient() {
    assertEquals(OAuthError.INVALID_CLIENT, problemOf(null, "client_id=svc").error());
  }

  @Test
  void parseWhenNoCredentialsThenInvalidClient() {
    assertEquals(OAuthError.INVALID_CLIENT, problemOf(null, "a=b").error());
  }

  @Test
  void parseWhenNoCredentialsThenNoBasicChallenge() {
    assertFalse(problemOf(null, "a=b").basicAuthAttempted());
  }

  @Test
  void parseWhenPostClientIdTooLongThenInvalidClientWithoutChallenge() {
    OAuthProblem problem = problemOf(null, "client_id=" + "c".repeat(256) + "&client_secret=s");
    assertEquals(OAuthError.INVALID_CLIENT, problem.error());
    assertFalse(problem.basicAuthAttempted());
  }

  @Test
  void parseWhenBearerSchemeThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, problemOf("Bearer x", "a=b").error());
  }

  @Test
  void toStringWhenPostThenNoSecret() {
    ClientAuthentication auth =
        ClientAuthentication.parse(null, form("client_id=svc&client_secret=topsecret"));
    assertFalse(auth.toString().contains("topsecret"));
  }

  @Test
  void toStringWhenBasicThenNoSecret() {
    ClientAuthentication auth =
        ClientAuthentication.parse(basic("svc:topsecret"), form("grant_type=x"));
    assertFalse(auth.toString().contains("topsecret"));
  }
}
