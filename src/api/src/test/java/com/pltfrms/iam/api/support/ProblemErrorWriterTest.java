package com.pltfrms.iam.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProblemErrorWriterTest {

  private final ErrorWriter problem = Vocabulary.PROBLEM.writer();

  @Test
  void statusWhenAnyThenRfc9457Document() {
    ErrorReply reply = problem.status(405, "Method Not Allowed");
    JsonObject body = ReplyJson.body(reply);
    assertEquals("application/problem+json", reply.contentType());
    assertEquals(405, body.getInt("status"));
    assertEquals("about:blank", body.getString("type"));
    assertEquals("Method Not Allowed", body.getString("title"));
  }

  @Test
  void applicationProblemWhenConflictThen409() {
    ErrorReply reply = problem.applicationProblem(ApplicationProblem.conflict("exists"));
    assertEquals(409, reply.status());
    assertEquals(409, ReplyJson.body(reply).getInt("status"));
  }

  @Test
  void applicationProblemWhenErrorsListedThenRfc9457ErrorsExtension() {
    ErrorReply reply =
        problem.applicationProblem(
            ApplicationProblem.invalid(
                "weak",
                java.util.List.of(
                    new ApplicationProblem.Error("#/password", "minLength", "too short"),
                    new ApplicationProblem.Error("#/password", "denyList", "too common"))));
    JsonObject body = ReplyJson.body(reply);
    assertEquals(400, reply.status());
    assertEquals("weak", body.getString("detail"));
    assertEquals(2, body.getJsonArray("errors").size());
    assertEquals("#/password", body.getJsonArray("errors").getJsonObject(0).getString("pointer"));
    assertEquals("denyList", body.getJsonArray("errors").getJsonObject(1).getString("rule"));
  }

  @Test
  void applicationProblemWhenDuplicateThenErrorNamesTheField() {
    ErrorReply reply =
        problem.applicationProblem(ApplicationProblem.conflict("taken", "#/username"));
    assertEquals(409, reply.status());
    assertEquals(
        "#/username",
        ReplyJson.body(reply).getJsonArray("errors").getJsonObject(0).getString("pointer"));
  }

  @Test
  void oauthProblemWhenRaisedUnderProblemResourceThenProblemWithItsStatus() {
    ErrorReply reply = problem.oauthProblem(new OAuthProblem(OAuthError.INVALID_SCOPE, "no"));
    assertEquals(400, reply.status());
    assertEquals("application/problem+json", reply.contentType());
  }

  @Test
  void oauthProblemWhenInvalidTokenThenBearerChallengeWithErrorCode() {
    ErrorReply reply = problem.oauthProblem(new OAuthProblem(OAuthError.INVALID_TOKEN, "bad"));
    assertEquals(401, reply.status());
    assertEquals(Optional.of("Bearer error=\"invalid_token\""), reply.header("WWW-Authenticate"));
  }

  @Test
  void statusWhenUnauthorizedThenBearerChallenge() {
    assertEquals(Optional.of("Bearer"), problem.status(401, "who?").header("WWW-Authenticate"));
  }

  @Test
  void badInputWhenTooLargeThen413() {
    assertEquals(413, problem.badInput(BadInput.tooLarge("big")).status());
  }

  @Test
  void documentWhenUnauthorizedThenNoChallengeForTheFilterToAdd() {
    assertFalse(ProblemErrorWriter.document(401, "who?").header("WWW-Authenticate").isPresent());
  }
}
