package com.pltfrms.iam.api.support;

import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/**
 * RFC 9457 problem details as {@code application/problem+json}: {@code type}, {@code title}, {@code
 * status}, {@code detail}. An OAuth error keeps its status and becomes the detail. A 401 carries a
 * {@code Bearer} challenge (RFC 9110 §15.5.2, RFC 6750 §3), the scheme of every API that speaks
 * this vocabulary.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9457#section-3">RFC 9457 §3</a>
 */
final class ProblemErrorWriter implements ErrorWriter {

  static final String BEARER_CHALLENGE = "Bearer";

  @Override
  public ErrorReply oauthProblem(OAuthProblem problem) {
    ErrorReply document = document(problem.error().status(), problem.description());
    if (problem.error() == OAuthError.INVALID_TOKEN) {
      return document.withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }
    return withChallenge(document);
  }

  @Override
  public ErrorReply status(int status, String detail) {
    return withChallenge(document(status, detail));
  }

  /** With an extension member {@code field} (RFC 9457 §3.2) naming the field at fault, if any. */
  @Override
  public ErrorReply applicationProblem(ApplicationProblem problem) {
    return withChallenge(
        document(ErrorWriter.statusOf(problem.kind()), problem.getMessage(), problem.field()));
  }

  /** The problem document alone, without the challenge a 401 needs. */
  static ErrorReply document(int status, String detail) {
    return document(status, detail, null);
  }

  private static ErrorReply document(int status, String detail, String field) {
    Response.Status known = Response.Status.fromStatusCode(status);
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", known != null ? known.getReasonPhrase() : "Error")
            .add("status", status);
    if (detail != null) {
      body.add("detail", detail);
    }
    if (field != null) {
      body.add("field", field);
    }
    return new ErrorReply(status, "application/problem+json", body.build().toString());
  }

  private static ErrorReply withChallenge(ErrorReply reply) {
    return reply.status() == 401 ? reply.withHeader("WWW-Authenticate", BEARER_CHALLENGE) : reply;
  }
}
