package com.pltfrms.iam.api.support;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * RFC 9457 problem details, the admin API's error vocabulary, for code that answers outside the
 * exception mappers (request filters): the body {@link Vocabulary#PROBLEM} writes, without a
 * challenge; a filter answering 401 adds its own {@code WWW-Authenticate}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9457#section-3">RFC 9457 §3</a>
 */
public final class Problems {

  public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

  private Problems() {}

  public static Response response(int status, String detail) {
    return ProblemErrorWriter.document(status, detail).toResponse();
  }
}
