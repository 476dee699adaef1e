package com.pltfrms.iam.api.support;

import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.shared.ApplicationProblem;

/**
 * How one vocabulary writes each kind of failure. Every kind must be expressible in every
 * vocabulary: an {@link ApplicationProblem} raised under an OAuth endpoint is an OAuth error, an
 * {@link OAuthProblem} raised under the admin API a problem detail.
 */
public interface ErrorWriter {

  /** An OAuth protocol error (RFC 6749 §5.2, RFC 6750 §3.1). */
  ErrorReply oauthProblem(OAuthProblem problem);

  /** An expected failure of an application service: invalid, not found, conflict. */
  default ErrorReply applicationProblem(ApplicationProblem problem) {
    return status(statusOf(problem.kind()), problem.getMessage());
  }

  /** A request the server refused to read: malformed, unsafe characters, too large. */
  default ErrorReply badInput(BadInput input) {
    return status(input.status(), input.getMessage());
  }

  /**
   * Any other failure, known by its HTTP status and a description safe to show: JAX-RS's own errors
   * (404, 405, 406, 415), concurrent changes, an unreachable database, a bug.
   */
  ErrorReply status(int status, String detail);

  static int statusOf(ApplicationProblem.Kind kind) {
    return switch (kind) {
      case INVALID -> 400;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case PRECONDITION_FAILED -> 412;
      case FORBIDDEN -> 403;
    };
  }
}
