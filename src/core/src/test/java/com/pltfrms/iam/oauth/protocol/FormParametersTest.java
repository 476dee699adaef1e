package com.pltfrms.iam.oauth.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormParametersTest {

  private static FormParameters parse(String body) {
    return FormParameters.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  private static OAuthError errorOf(byte[] body) {
    return assertThrows(OAuthProblem.class, () -> FormParameters.parse(body)).error();
  }

  private static OAuthError errorOf(String body) {
    return errorOf(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parseWhenWellFormedThenDecodesPercentAndPlus() {
    FormParameters form = parse("grant_type=client_credentials&scope=read+write&x=%C3%A9%2B");
    assertEquals(Optional.of("client_credentials"), form.get("grant_type"));
    assertEquals(Optional.of("read write"), form.get("scope"));
    assertEquals(Optional.of("é+"), form.get("x"));
  }

  @Test
  void parseWhenParameterDuplicatedThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("scope=a&scope=b"));
  }

  @Test
  void parseWhenPercentEncodingMalformedThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("a=%zz"));
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("a=%4"));
  }

  @Test
  void parseWhenNotUtf8ThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("a=%C3%28"));
    assertEquals(OAuthError.INVALID_REQUEST, errorOf(new byte[] {'a', '=', (byte) 0xFF}));
  }

  @Test
  void parseWhenBodyTooLargeThenRequestTooLarge() {
    byte[] body = new byte[FormParameters.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(body, (byte) 'a');
    assertEquals(OAuthError.REQUEST_TOO_LARGE, errorOf(body));
  }

  @Test
  void parseWhenValueEmptyThenTreatedAsOmitted() {
    FormParameters form = parse("scope=&grant_type=x&&");
    assertFalse(form.has("scope"));
    assertEquals(Optional.of("x"), form.get("grant_type"));
  }

  @Test
  void parseWhenTooManyParametersThenInvalidRequest() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 65; i++) {
      body.append("p").append(i).append("=v&");
    }
    assertEquals(OAuthError.INVALID_REQUEST, errorOf(body.toString()));
  }

  @Test
  void parseWhenNameMissingThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("=x"));
  }

  @Test
  void requireWhenMissingThenInvalidRequest() {
    OAuthProblem problem =
        assertThrows(OAuthProblem.class, () -> parse("a=b").require("grant_type"));
    assertEquals(OAuthError.INVALID_REQUEST, problem.error());
  }
}
