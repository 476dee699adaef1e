package com.pltfrms.iam.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.shared.ApplicationProblem;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OAuthErrorWriterTest {

  private final ErrorWriter oauth = Vocabulary.OAUTH.writer();

  @Test
  void oauthProblemWhenInvalidScopeThenItsCodeAndStatus() {
    ErrorReply reply = oauth.oauthProblem(new OAuthProblem(OAuthError.INVALID_SCOPE, "no"));
    assertEquals(400, reply.status());
    assertEquals("invalid_scope", ReplyJson.body(reply).getString("error"));
    assertEquals("application/json", reply.contentType());
  }

  @Test
  void oauthProblemWhenAnyThenNeverCached() {
    ErrorReply reply = oauth.oauthProblem(OAuthProblem.invalidRequest("bad"));
    assertEquals(Optional.of("no-store"), reply.header("Cache-Control"));
    assertEquals(Optional.of("no-cache"), reply.header("Pragma"));
  }

  @Test
  void oauthProblemWhenInvalidClientAfterBasicThenBasicChallenge() {
    ErrorReply reply =
        oauth.oauthProblem(new OAuthProblem(OAuthError.INVALID_CLIENT, "failed", true));
    assertEquals(401, reply.status());
    assertTrue(reply.header("WWW-Authenticate").orElseThrow().startsWith("Basic "));
  }

  @Test
  void oauthProblemWhenInvalidClientAfterClientSecretPostThenBasicChallengeToo() {
    ErrorReply reply =
        oauth.oauthProblem(new OAuthProblem(OAuthError.INVALID_CLIENT, "failed", false));
    assertEquals(401, reply.status());
    assertTrue(reply.header("WWW-Authenticate").orElseThrow().startsWith("Basic "));
  }

  @Test
  void oauthProblemWhenInvalidTokenThenBearerChallengeWithErrorCode() {
    ErrorReply reply = oauth.oauthProblem(new OAuthProblem(OAuthError.INVALID_TOKEN, "expired"));
    assertEquals(Optional.of("Bearer error=\"invalid_token\""), reply.header("WWW-Authenticate"));
  }

  @Test
  void oauthProblemWhenNotUnauthorizedThenNoChallenge() {
    ErrorReply reply = oauth.oauthProblem(OAuthProblem.invalidRequest("bad"));
    assertFalse(reply.header("WWW-Authenticate").isPresent());
  }

  @Test
  void applicationProblemWhenInvalidThenInvalidRequest400() {
    ErrorReply reply = oauth.applicationProblem(ApplicationProblem.invalid("bad value"));
    assertEquals(400, reply.status());
    assertEquals("invalid_request", ReplyJson.body(reply).getString("error"));
  }

  @Test
  void applicationProblemWhenNotFoundThenInvalidRequest404() {
    ErrorReply reply = oauth.applicationProblem(ApplicationProblem.notFound("no realm"));
    assertEquals(404, reply.status());
    assertEquals("invalid_request", ReplyJson.body(reply).getString("error"));
  }

  @Test
  void badInputWhenTooLargeThenInvalidRequest413() {
    ErrorReply reply = oauth.badInput(BadInput.tooLarge("too large"));
    assertEquals(413, reply.status());
    assertEquals("invalid_request", ReplyJson.body(reply).getString("error"));
  }

  @ParameterizedTest
  @CsvSource({
    "400, invalid_request",
    "404, invalid_request",
    "405, invalid_request",
    "406, invalid_request",
    "415, invalid_request",
    "401, invalid_client",
    "500, server_error",
    "503, temporarily_unavailable"
  })
  void statusWhenNoOAuthCodeOfItsOwnThenStatusKeptAndCodeByClass(int status, String code) {
    ErrorReply reply = oauth.status(status, "reason");
    assertEquals(status, reply.status());
    assertEquals(code, ReplyJson.body(reply).getString("error"));
  }

  @Test
  void statusWhenUnauthorizedThenChallenge() {
    assertTrue(oauth.status(401, "who?").header("WWW-Authenticate").isPresent());
  }

  @Test
  void printableWhenDescriptionNamesOddValueThenOnlyAllowedCharacters() {
    String description = OAuthErrorWriter.printable("no realm named 'a\"b\\cé'");
    assertTrue(description.chars().allMatch(c -> c >= 0x20 && c <= 0x7E && c != '"' && c != '\\'));
  }
}
