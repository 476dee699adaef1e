package com.pltfrms.iam.oauth.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  private static String parameters(int count) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < count; i++) {
      body.append("p").append(i).append("=v&");
    }
    return body.toString();
  }

  @Test
  void parseWhenWellFormedThenReadsEachParameter() {
    FormParameters form = parse("grant_type=client_credentials&scope=read");
    assertEquals(Optional.of("client_credentials"), form.get("grant_type"));
    assertEquals(Optional.of("read"), form.get("scope"));
  }

  @Test
  void parseWhenPlusThenSpace() {
    assertEquals(Optional.of("read write"), parse("scope=read+write").get("scope"));
  }

  @Test
  void parseWhenPercentEncodedThenDecodedAsUtf8() {
    assertEquals(Optional.of("é+ &="), parse("x=%C3%A9%2B%20%26%3D").get("x"));
  }

  @Test
  void parseWhenNamePercentEncodedThenDecoded() {
    assertEquals(Optional.of("v"), parse("client%5Fid=v").get("client_id"));
  }

  @Test
  void parseWhenRawUtf8ThenAccepted() {
    assertEquals(Optional.of("é"), parse("x=é").get("x"));
  }

  @Test
  void parseWhenParameterDuplicatedThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("scope=a&scope=b"));
  }

  @Test
  void parseWhenParameterDuplicatedWithSameValueThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("scope=a&scope=a"));
  }

  @Test
  void parseWhenParameterDuplicatedThroughEncodingThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("scope=a&sc%6Fpe=b"));
  }

  @Test
  void parseWhenPercentFollowedByNonHexThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("a=%zz"));
  }

  @Test
  void parseWhenPercentTruncatedThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("a=%4"));
  }

  @Test
  void parseWhenPercentTruncatedBeforeNextParameterThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("a=%4&b=c"));
  }

  @Test
  void parseWhenPercentAloneThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("a=%"));
  }

  @Test
  void parseWhenNameHasMalformedPercentThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("%g0=x"));
  }

  @Test
  void parseWhenPercentEncodedBytesNotUtf8ThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("a=%C3%28"));
  }

  @Test
  void parseWhenRawByteNotUtf8ThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf(new byte[] {'a', '=', (byte) 0xFF}));
  }

  @Test
  void parseWhenNameNotUtf8ThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf(new byte[] {(byte) 0xFF, '=', 'x'}));
  }

  @Test
  void parseWhenBodyOverLimitThenRequestTooLarge() {
    byte[] body = new byte[FormParameters.MAX_BODY_BYTES + 1];
    Arrays.fill(body, (byte) 'a');
    assertEquals(OAuthError.REQUEST_TOO_LARGE, errorOf(body));
  }

  @Test
  void parseWhenBodyAtLimitThenAccepted() {
    byte[] body = new byte[FormParameters.MAX_BODY_BYTES];
    Arrays.fill(body, (byte) 'a');
    body[0] = 'x';
    body[1] = '=';
    assertEquals(
        FormParameters.MAX_BODY_BYTES - 2, FormParameters.parse(body).require("x").length());
  }

  @Test
  void parseWhenValueEmptyThenTreatedAsOmitted() {
    FormParameters form = parse("scope=&grant_type=x");
    assertFalse(form.has("scope"));
    assertEquals(Optional.empty(), form.get("scope"));
  }

  @Test
  void parseWhenNameWithoutEqualsThenTreatedAsOmitted() {
    assertFalse(parse("scope&grant_type=x").has("scope"));
  }

  @Test
  void parseWhenEmptyValueOmittedThenRequireIsInvalidRequest() {
    OAuthProblem problem =
        assertThrows(OAuthProblem.class, () -> parse("grant_type=").require("grant_type"));
    assertEquals(OAuthError.INVALID_REQUEST, problem.error());
  }

  @Test
  void parseWhenEmptySegmentsThenIgnored() {
    FormParameters form = parse("&&grant_type=x&&");
    assertEquals(Optional.of("x"), form.get("grant_type"));
  }

  @Test
  void parseWhenBodyEmptyThenNoParameters() {
    assertFalse(FormParameters.parse(new byte[0]).has("grant_type"));
  }

  @Test
  void parseWhenValueContainsEqualsThenKeptInValue() {
    assertEquals(Optional.of("b=c"), parse("a=b=c").get("a"));
  }

  @Test
  void parseWhenMoreThan64ParametersThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf(parameters(65)));
  }

  @Test
  void parseWhen64ParametersThenAccepted() {
    FormParameters form = parse(parameters(64));
    assertTrue(form.has("p0"));
    assertTrue(form.has("p63"));
  }

  @Test
  void parseWhenNameMissingThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("=x"));
  }

  @Test
  void parseWhenNameMissingAfterOtherParametersThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("a=b&=x"));
  }

  @Test
  void requireWhenPresentThenValue() {
    assertEquals(
        "client_credentials", parse("grant_type=client_credentials").require("grant_type"));
  }

  @Test
  void requireWhenMissingThenInvalidRequest() {
    OAuthProblem problem =
        assertThrows(OAuthProblem.class, () -> parse("a=b").require("grant_type"));
    assertEquals(OAuthError.INVALID_REQUEST, problem.error());
    assertEquals(400, problem.error().status());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "%00", "a%00b", "%01", "%09", "%0A", "%0D%0A", "%1F", "%7F", "%C2%80", "%C2%85", "%C2%9F"
      })
  void parseWhenValueHoldsControlCharacterThenInvalidRequest(String encoded) {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("client_id=" + encoded));
  }

  @Test
  void parseWhenNameHoldsControlCharacterThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("client%00id=x"));
  }

  @Test
  void parseWhenRawControlByteThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf(new byte[] {'a', '=', 'x', 0x00, 'y'}));
  }

  @Test
  void parseWhenRawLineBreakThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("grant_type=client_credentials\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"%C0%80", "%C0%AF", "%E0%80%AF", "%F0%80%80%AF"})
  void parseWhenOverlongUtf8ThenInvalidRequest(String encoded) {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("a=" + encoded));
  }

  @ParameterizedTest
  @ValueSource(strings = {"%ED%A0%80", "%ED%BF%BF", "%ED%A0%BD%ED%B8%80"})
  void parseWhenEncodedSurrogateThenInvalidRequest(String encoded) {
    assertEquals(OAuthError.INVALID_REQUEST, errorOf("a=" + encoded));
  }

  @Test
  void parseWhenSupplementaryCharacterThenAccepted() {
    assertEquals(Optional.of("\uD83D\uDE00"), parse("x=%F0%9F%98%80").get("x"));
  }

  @Test
  void parseWhenNonBreakingSpaceThenAccepted() {
    assertEquals(Optional.of("a\u00A0b"), parse("x=a%C2%A0b").get("x"));
  }
}
