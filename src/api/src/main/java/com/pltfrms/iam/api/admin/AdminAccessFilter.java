package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.access.AccessDenied;
import com.pltfrms.iam.access.AdminAccess;
import com.pltfrms.iam.access.AdminFamily;
import com.pltfrms.iam.access.AdminPrincipal;
import com.pltfrms.iam.api.support.Problems;
import com.pltfrms.iam.organisation.OrganisationAdminPolicy;
import com.pltfrms.iam.organisation.OrganisationAdminPolicy.Operation;
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
 * that may not do what it asks (no admin role; another realm; a resource family its delegated roles
 * do not open) is 403 {@code insufficient_scope}. Bodies are RFC 9457 problem details.
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
    List<PathSegment> segments = request.getUriInfo().getPathSegments(true);
    if (!isAdminPath(segments)) {
      return;
    }
    List<String> path = nonEmpty(segments);
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
      String pathRealm = realmOf(path);
      AdminPrincipal principal = access.admit(token, pathRealm);
      if (!authorized(principal, request.getMethod(), path)) {
        throw new AccessDenied(
            AccessDenied.Kind.FORBIDDEN, "this principal may not do this in this realm");
      }
      caller.set(principal);
    } catch (AccessDenied denied) {
      request.abortWith(
          denied.kind() == AccessDenied.Kind.FORBIDDEN
              ? refuse(403, CHALLENGE + ", error=\"insufficient_scope\"", denied.getMessage())
              : refuse(401, CHALLENGE + ", error=\"invalid_token\"", denied.getMessage()));
    }
  }

  /**
   * Whether {@code principal} may send {@code method} to {@code path} (the decoded, non-empty
   * segments, {@code admin} first). Only system administrators reach what lies outside {@code
   * /admin/realms/{realm}/…} (creating realms, the master key); {@code GET /admin/realms} lists
   * what the caller may see. Inside a realm, the resource family decides ({@link AdminFamily}).
   */
  static boolean authorized(AdminPrincipal principal, String method, List<String> path) {
    if (principal.systemAdmin()) {
      return true;
    }
    boolean write = !("GET".equals(method) || "HEAD".equals(method));
    if (path.size() < 2 || !"realms".equals(path.get(1))) {
      return false;
    }
    if (path.size() == 2) {
      return !write; // the list, filtered to the realms it may see
    }
    String realm = path.get(2);
    if (path.size() == 3 && "import".equals(realm)) {
      return false; // creating a realm from a document, like creating one: system administrators
    }
    if (path.size() == 3) {
      // its own realm's settings: realm-admin may change them; deleting a realm is for system
      // administrators
      return !"DELETE".equals(method) && principal.may(realm, AdminFamily.REALM, write);
    }
    return principal.may(realm, family(path), write) || organisationAdmin(principal, method, path);
  }

  /**
   * Whether an organisation admin may send {@code method} to {@code path}: under {@code
   * /admin/realms/{realm}/organizations/{alias}} it reads the organisation and manages its members
   * and their organisation roles ({@link OrganisationAdminPolicy}), nothing else.
   */
  static boolean organisationAdmin(AdminPrincipal principal, String method, List<String> path) {
    if (path.size() < 5 || !"organizations".equals(path.get(3))) {
      return false;
    }
    Operation operation = organisationOperation(method, path);
    return operation != null
        && principal.mayInOrganisation(
            path.get(2), path.get(4), operation, path.size() == 9 ? path.get(8) : null);
  }

  /** The organisation operation {@code method} on {@code path} performs, or null for another. */
  static Operation organisationOperation(String method, List<String> path) {
    boolean read = "GET".equals(method) || "HEAD".equals(method);
    if (path.size() == 5) {
      return read ? Operation.VIEW_ORGANIZATION : null;
    }
    if (!"members".equals(path.get(5))) {
      return null;
    }
    return switch (path.size()) {
      case 6 -> read ? Operation.VIEW_MEMBERS : null;
      case 7 ->
          read
              ? Operation.VIEW_MEMBERS
              : switch (method) {
                case "PUT" -> Operation.ADD_MEMBER;
                case "DELETE" -> Operation.REMOVE_MEMBER;
                default -> null;
              };
      case 8 -> "roles".equals(path.get(7)) && read ? Operation.VIEW_MEMBER_ROLES : null;
      case 9 ->
          !"roles".equals(path.get(7))
              ? null
              : switch (method) {
                case "PUT" -> Operation.GRANT_MEMBER_ROLE;
                case "DELETE" -> Operation.REVOKE_MEMBER_ROLE;
                default -> null;
              };
      default -> null;
    };
  }

  /** The resource family of a path under {@code /admin/realms/{realm}/}. */
  static AdminFamily family(List<String> path) {
    return switch (path.get(3)) {
      case "users" -> AdminFamily.USERS;
      case "groups" -> AdminFamily.GROUPS;
      case "clients", "client-scopes" -> AdminFamily.CLIENTS;
      case "roles", "permissions" -> AdminFamily.ROLES;
      case "audit" -> AdminFamily.AUDIT;
      default -> AdminFamily.OTHER;
    };
  }

  /** The realm a path under {@code /admin/realms/{realm}} names, or null. */
  static String realmOf(List<String> path) {
    return path.size() >= 3 && "realms".equals(path.get(1)) ? path.get(2) : null;
  }

  private static List<String> nonEmpty(List<PathSegment> segments) {
    return segments.stream().map(PathSegment::getPath).filter(p -> !p.isEmpty()).toList();
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
