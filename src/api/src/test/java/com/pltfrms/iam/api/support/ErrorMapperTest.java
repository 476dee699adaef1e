package com.pltfrms.iam.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class ErrorMapperTest {

  private static final ErrorWriter OAUTH = Vocabulary.OAUTH.writer();
  private static final ErrorWriter PROBLEM = Vocabulary.PROBLEM.writer();

  private static String error(ErrorReply reply) {
    return ReplyJson.body(reply).getString("error");
  }

  @Test
  void replyWhenApplicationProblemInvalidUnderOAuthThenInvalidRequest400() {
    ErrorReply reply = ErrorMapper.reply(OAUTH, ApplicationProblem.invalid("bad"));
    assertEquals(400, reply.status());
    assertEquals("invalid_request", error(reply));
  }

  @Test
  void replyWhenOAuthProblemUnderProblemThenProblemDocument() {
    ErrorReply reply =
        ErrorMapper.reply(PROBLEM, new OAuthProblem(OAuthError.INVALID_GRANT, "used"));
    assertEquals(400, reply.status());
    assertEquals("application/problem+json", reply.contentType());
  }

  @Test
  void replyWhenProblemWrappedByTransactionInterceptorThenTheProblem() {
    TransactionalException wrapped =
        new TransactionalException("rolled back", new OAuthProblem(OAuthError.INVALID_SCOPE, "x"));
    assertEquals("invalid_scope", error(ErrorMapper.reply(OAUTH, wrapped)));
  }

  @Test
  void replyWhenBadInputUnderOAuthThenInvalidRequest() {
    ErrorReply reply = ErrorMapper.reply(OAUTH, BadInput.invalid("control character"));
    assertEquals(400, reply.status());
    assertEquals("invalid_request", error(reply));
  }

  @Test
  void replyWhenOAuthProblemUnderPageThenEscapedHtmlPageWithHostedHeaders() {
    ErrorReply reply =
        ErrorMapper.reply(
            Vocabulary.PAGE.writer(),
            new OAuthProblem(OAuthError.INVALID_REQUEST, "bad <script>alert(1)</script>"));
    assertEquals(400, reply.status());
    assertTrue(reply.contentType().startsWith("text/html"), reply.contentType());
    assertTrue(reply.body().contains("&lt;script&gt;"), reply.body());
    assertFalse(reply.body().contains("<script>"), reply.body());
    assertEquals(
        HostedPage.CONTENT_SECURITY_POLICY, reply.header("Content-Security-Policy").orElseThrow());
    assertEquals("no-store", reply.header("Cache-Control").orElseThrow());
  }

  @Test
  void replyWhenOptimisticLockLostThen409() {
    ErrorReply reply =
        ErrorMapper.reply(PROBLEM, new PersistenceException(new OptimisticLockException()));
    assertEquals(409, reply.status());
  }

  @Test
  void replyWhenDatabaseLostUnderOAuthThenTemporarilyUnavailableWithRetryAfter() {
    SQLException lost = new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE);
    ErrorReply reply = ErrorMapper.reply(OAUTH, new PersistenceException(lost));
    assertEquals(503, reply.status());
    assertEquals("temporarily_unavailable", error(reply));
    assertEquals(Optional.of(ErrorMapper.OUTAGE_RETRY_AFTER), reply.header("Retry-After"));
  }

  @Test
  void replyWhenDatabaseLostUnderProblemThen503WithRetryAfter() {
    ErrorReply reply =
        ErrorMapper.reply(
            PROBLEM, new IllegalStateException(new SQLException("starting up", "57P03")));
    assertEquals(503, reply.status());
    assertEquals(503, ReplyJson.body(reply).getInt("status"));
    assertEquals(Optional.of(ErrorMapper.OUTAGE_RETRY_AFTER), reply.header("Retry-After"));
  }

  @Test
  void replyWhenUnknownFailureUnderOAuthThenServerError() {
    ErrorReply reply = ErrorMapper.reply(OAUTH, new IllegalStateException("bug"));
    assertEquals(500, reply.status());
    assertEquals("server_error", error(reply));
  }
}
