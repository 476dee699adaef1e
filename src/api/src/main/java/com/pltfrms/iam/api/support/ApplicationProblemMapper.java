package com.pltfrms.iam.api.support;

import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Renders expected service failures as RFC 9457 problem details. */
@Provider
public class ApplicationProblemMapper implements ExceptionMapper<ApplicationProblem> {

  @Override
  public jakarta.ws.rs.core.Response toResponse(ApplicationProblem problem) {
    int status =
        switch (problem.kind()) {
          case INVALID -> 400;
          case NOT_FOUND -> 404;
          case CONFLICT -> 409;
          case PRECONDITION_FAILED -> 412;
        };
    return Problems.response(status, problem.getMessage());
  }
}
