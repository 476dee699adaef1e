package com.pltfrms.iam.oauth.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordRequestTest {

  private static PasswordRequest parse(String body) {
    return PasswordRequest.parse(FormParameters.parse(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static OAuthError refused(String body) {
    return assertThrows(OAuthProblem.class, () -> parse(body)).error();
  }

  @Test
  void parseWhenUsernameAndPasswordThenBoth() {
    PasswordRequest request = parse("username=alice&password=p%26ss&scope=openid+profile");
    assertEquals("alice", request.username());
    assertEquals("p&ss", request.password());
    assertEquals("openid profile", request.scope().orElseThrow().value());
  }

  @Test
  void parseWhenUsernameOrPasswordMissingThenInvalidRequest() {
    assertEquals(OAuthError.INVALID_REQUEST, refused("password=x"));
    assertEquals(OAuthError.INVALID_REQUEST, refused("username=alice"));
    assertEquals(OAuthError.INVALID_REQUEST, refused("username=alice&password="));
  }

  @Test
  void parseWhenOversizedThenInvalidRequest() {
    assertEquals(
        OAuthError.INVALID_REQUEST, refused("username=" + "a".repeat(1025) + "&password=x"));
    assertEquals(OAuthError.INVALID_REQUEST, refused("username=a&password=" + "p".repeat(1025)));
  }

  @Test
  void parseWhenScopeMalformedThenInvalidScope() {
    assertEquals(OAuthError.INVALID_SCOPE, refused("username=a&password=b&scope=a++b"));
  }

  @Test
  void toStringWhenPasswordThenNotShown() {
    assertFalse(parse("username=a&password=Secret-1").toString().contains("Secret-1"));
  }
}
