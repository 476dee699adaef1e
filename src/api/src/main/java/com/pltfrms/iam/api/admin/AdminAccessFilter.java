package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.access.AccessDenied;
import com.pltfrms.iam.access.AdminAccess;
import com.pltfrms.iam.access.AdminPrincipal;
import com.pltfrms.iam.api.support.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * The admin API's one gate, default-deny: every request whose path is under {@code /admin} needs a
 * bearer token (RFC 6750 §2.1) that {@link AdminAccess} admits, before any resource is matched, so
 * a new admin resource is protected without doing anything (and unknown admin paths answer 401, not
 * 404, to anonymous callers). {@link AdminResourceGuard} checks after matching that no admin
 * resource was reached any other way.
 *
 * <p>Answers follow RFC 6750 §3: no credentials (or another scheme) is 401 with a bare {@code
 * Bearer} challenge; a malformed Authorization header is 400 {@code invalid_request}; a token that
 * is not valid, or whose principal is gone or disabled, is 401 {@code invalid_token}; a principal
 * without the admin role is 403 {@code insufficient_scope}. Bodies are RFC 9457 problem details.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3">RFC 6750 §3</a>
 */
@Provider
@PreMatching
@Priority(Priorities.USER + 100) // after the start-up gate (503 until the server has started)
public class AdminAccessFilter implements ContainerRequestFilter {

  static final String CHALLENGE = "Bearer realm=\"admin\"";

  @Inject AdminAccess access;
  @Inject AdminCaller caller;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!isAdminPath(request.getUriInfo().getPathSegments(true))) {
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !isBearer(header.strip())) {
      request.abortWith(refuse(401, CHALLENGE, "a bearer token is required"));
      return;
    }
    String token = header.strip().substring("Bearer".length()).strip();
    if (token.isEmpty() || token.indexOf(' ') >= 0) {
      request.abortWith(
          refuse(400, CHALLENGE + ", error=\"invalid_request\"", "malformed bearer credentials"));
      return;
    }
    try {
      AdminPrincipal principal = access.admit(token);
      caller.set(principal);
    } catch (AccessDenied denied) {
      request.abortWith(
          denied.kind() == AccessDenied.Kind.FORBIDDEN
              ? refuse(403, CHALLENGE + ", error=\"insufficient_scope\"", denied.getMessage())
              : refuse(401, CHALLENGE + ", error=\"invalid_token\"", denied.getMessage()));
    }
  }

  /** Whether the first segment of the (decoded) path is {@code admin}. */
  static boolean isAdminPath(List<PathSegment> segments) {
    for (PathSegment segment : segments) {
      if (!segment.getPath().isEmpty()) {
        return segment.getPath().equals("admin");
      }
    }
    return false;
  }

  /** Whether the credentials use the Bearer scheme (RFC 6750 §2.1; the scheme is caseless). */
  private static boolean isBearer(String header) {
    return header.regionMatches(true, 0, "Bearer", 0, 6)
        && (header.length() == 6 || header.charAt(6) == ' ');
  }

  static Response refuse(int status, String challenge, String detail) {
    return Response.fromResponse(Problems.response(status, detail))
        .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
        .build();
  }
}
