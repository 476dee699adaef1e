package com.pltfrms.iam.api.login;

import com.pltfrms.iam.oauth.protocol.AuthorizationProblem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Answers a refused authorization request as RFC 6749 §4.1.2.1 says: a page when the client or its
 * redirect URI cannot be trusted with the error, otherwise the error sent to the redirect URI.
 */
@Provider
public class AuthorizationProblemMapper implements ExceptionMapper<AuthorizationProblem> {

  @Context HttpHeaders headers;

  @Override
  public Response toResponse(AuthorizationProblem problem) {
    Messages messages = Messages.of(List.of(), headers.getAcceptableLanguages());
    if (problem.showAsPage()) {
      return AuthorizationReplies.errorPage(400, messages, problem.description());
    }
    return AuthorizationReplies.send(problem.response(), messages);
  }
}
