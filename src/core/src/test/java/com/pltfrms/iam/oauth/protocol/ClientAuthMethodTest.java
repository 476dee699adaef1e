package com.pltfrms.iam.oauth.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClientAuthMethodTest {

  private static FormParameters form(String body) {
    return FormParameters.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  private static OAuthError errorOf(String authorization, String body) {
    return assertThrows(OAuthProblem.class, () -> ClientAuthMethod.of(authorization, form(body)))
        .error();
  }

  @Test
  void ofWhenAuthorizationHeaderThenClientSecretBasic() {
    assertEquals(ClientAuthMethod.CLIENT_SECRET_BASIC, ClientAuthMethod.of("Basic eDp5", form("")));
  }

  @Test
  void ofWhenClientSecretInBodyThenClientSecretPost() {
    assertEquals(
        ClientAuthMethod.CLIENT_SECRET_POST,
        ClientAuthMethod.of(null, form("client_id=a&client_secret=b")));
  }

  @Test
  void ofWhenClientAssertionThenPrivateKeyJwt() {
    assertEquals(
        ClientAuthMethod.PRIVATE_KEY_JWT,
        ClientAuthMethod.of(
            null,
            form(
                "client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
                    + "&client_assertion=x.y.z")));
  }

  @Test
  void ofWhenOnlyClientIdThenNone() {
    assertEquals(ClientAuthMethod.NONE, ClientAuthMethod.of(null, form("client_id=spa")));
  }

  @Test
  void ofWhenEmptyHeaderThenJudgedByBody() {
    assertEquals(ClientAuthMethod.NONE, ClientAuthMethod.of("", form("client_id=spa")));
  }

  @Test
  void ofWhenNothingThenInvalidClient() {
    assertEquals(OAuthError.INVALID_CLIENT, errorOf(null, "grant_type=x"));
  }

  @Test
  void ofWhenHeaderAndClientSecretThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("Basic eDp5", "client_secret=b"));
  }

  @Test
  void ofWhenHeaderAndAssertionThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("Basic eDp5", "client_assertion=x"));
  }

  @Test
  void ofWhenSecretAndAssertionThenInvalidRequest() {
    assertEquals(
        OAuthError.INVALID_REQUEST, errorOf(null, "client_secret=b&client_assertion_type=x"));
  }

  @Test
  void fromValueWhenKnownThenMethod() {
    assertEquals(
        ClientAuthMethod.CLIENT_SECRET_BASIC,
        ClientAuthMethod.fromValue("client_secret_basic").orElseThrow());
  }

  @Test
  void fromValueWhenUnknownThenEmpty() {
    assertEquals(java.util.Optional.empty(), ClientAuthMethod.fromValue("tls_client_auth"));
  }
}
