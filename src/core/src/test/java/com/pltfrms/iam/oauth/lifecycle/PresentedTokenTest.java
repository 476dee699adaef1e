package com.pltfrms.iam.oauth.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The token of an introspection or revocation request, and what it looks like. */
class PresentedTokenTest {

  private static PresentedToken parse(String body) {
    return PresentedToken.parse(FormParameters.parse(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static String jws(String header) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + ".e30.c2ln";
  }

  @Test
  void parseWhenTokenAndHintThenBoth() {
    PresentedToken token = parse("token=abc&token_type_hint=refresh_token");
    assertEquals("abc", token.token());
    assertEquals("refresh_token", token.hint());
  }

  @Test
  void parseWhenTokenMissingThenInvalidRequest() {
    OAuthProblem problem = assertThrows(OAuthProblem.class, () -> parse("token_type_hint=x"));
    assertEquals(OAuthError.INVALID_REQUEST, problem.error());
  }

  @Test
  void parseWhenTokenTooLongThenInvalidRequest() {
    OAuthProblem problem =
        assertThrows(OAuthProblem.class, () -> parse("token=" + "a".repeat(8193)));
    assertEquals(OAuthError.INVALID_REQUEST, problem.error());
  }

  @Test
  void looksLikeJwtWhenThreePartsThenTrue() {
    assertTrue(new PresentedToken(jws("{\"typ\":\"at+jwt\"}"), null).looksLikeJwt());
    assertFalse(new PresentedToken("abc", null).looksLikeJwt());
    assertFalse(new PresentedToken("a.b", null).looksLikeJwt());
    assertFalse(new PresentedToken("a.b.c.d", null).looksLikeJwt());
    assertFalse(new PresentedToken(".b.c", null).looksLikeJwt());
  }

  @Test
  void jwtTypeWhenHeaderHasTypThenItLowerCased() {
    assertEquals("at+jwt", new PresentedToken(jws("{\"typ\":\"AT+JWT\"}"), null).jwtType());
    assertEquals("jwt", new PresentedToken(jws("{\"typ\":\"JWT\"}"), null).jwtType());
  }

  @Test
  void jwtTypeWhenNoneOrUnreadableThenNull() {
    assertNull(new PresentedToken(jws("{\"alg\":\"RS256\"}"), null).jwtType());
    assertNull(new PresentedToken(jws("not json"), null).jwtType());
    assertNull(new PresentedToken("%%%.b.c", null).jwtType());
    assertNull(new PresentedToken(jws("{\"typ\":1}"), null).jwtType());
  }

  @Test
  void toStringWhenPrintedThenNoToken() {
    assertFalse(new PresentedToken("secret-token-value", "x").toString().contains("secret"));
  }
}
