package com.pltfrms.iam.api.support;

import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.runtime.ServerLifecycle;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Until start-up has completed (or when it failed, e.g. the schema is missing with {@code
 * IAM_DB_MIGRATE=false}), every API request gets 503 with {@code Retry-After}, in the vocabulary of
 * its protocol, instead of whatever the missing database would make of it. {@code /health/ready}
 * tells the same story to load balancers.
 */
@Provider
@PreMatching
public class NotStartedFilter implements ContainerRequestFilter {

  @Inject ServerLifecycle lifecycle;

  @Override
  public void filter(ContainerRequestContext request) {
    if (lifecycle.isStarted()) {
      return;
    }
    boolean oauth = OAuthProblemMapper.isOAuthPath(request.getUriInfo().getPath());
    Response unavailable =
        oauth
            ? OAuthProblemMapper.render(
                new OAuthProblem(OAuthError.TEMPORARILY_UNAVAILABLE, "the server is not ready"))
            : Problems.response(503, "the server is not ready; see /health/ready");
    request.abortWith(Response.fromResponse(unavailable).header("Retry-After", "5").build());
  }
}
