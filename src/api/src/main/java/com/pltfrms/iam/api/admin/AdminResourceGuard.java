package com.pltfrms.iam.api.admin;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * The second line of the admin API's default-deny: after matching, any resource whose path template
 * lies under {@code admin} is reached only with a principal that {@link AdminAccessFilter}
 * admitted. Should an unusual spelling of a path ever slip past the filter's check of the request
 * path, the matched resource itself still refuses it.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AdminResourceGuard implements ContainerRequestFilter {

  @Context ResourceInfo resource;
  @Inject AdminCaller caller;

  @Override
  public void filter(ContainerRequestContext request) {
    if (isAdminResource(resource.getResourceClass()) && !caller.admitted()) {
      request.abortWith(
          AdminAccessFilter.refuse(401, AdminAccessFilter.CHALLENGE, "a bearer token is required"));
    }
  }

  static boolean isAdminResource(Class<?> type) {
    Path path = type == null ? null : type.getAnnotation(Path.class);
    if (path == null) {
      return false;
    }
    String template = path.value().startsWith("/") ? path.value().substring(1) : path.value();
    return template.equals("admin") || template.startsWith("admin/");
  }
}
