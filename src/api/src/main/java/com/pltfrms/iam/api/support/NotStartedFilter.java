package com.pltfrms.iam.api.support;

import com.pltfrms.iam.runtime.ServerLifecycle;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Until start-up has completed (or when it failed, e.g. the schema is missing with {@code
 * IAM_DB_MIGRATE=false}), every API request gets 503 with {@code Retry-After}, in the vocabulary of
 * the endpoint its path names (the resource that would serve it), instead of whatever the missing
 * database would make of it. {@code /health/ready} tells the same story to load balancers.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class NotStartedFilter implements ContainerRequestFilter {

  static final String RETRY_AFTER = "5";

  @Inject ServerLifecycle lifecycle;
  @Inject Vocabularies vocabularies;

  @Override
  public void filter(ContainerRequestContext request) {
    if (lifecycle.isStarted()) {
      return;
    }
    request.abortWith(
        vocabularies
            .of(null, request.getUriInfo())
            .writer()
            .status(503, "the server is not ready; see /health/ready")
            .withHeaderIfAbsent("Retry-After", RETRY_AFTER)
            .toResponse());
  }
}
