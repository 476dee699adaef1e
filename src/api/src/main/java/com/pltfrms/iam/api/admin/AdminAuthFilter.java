package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.api.support.BaseUrl;
import com.pltfrms.iam.api.support.Problems;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.token.AccessTokenVerifier;
import com.pltfrms.iam.oauth.token.VerifiedToken;
import com.pltfrms.iam.realm.RealmName;
import com.pltfrms.iam.runtime.SystemBootstrap;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Admits a request to the admin API only with a bearer token (RFC 6750 §2.1) that the {@code
 * system} realm issued to a principal with the {@code admin} role. No token or an invalid one: 401
 * with a Bearer challenge (§3). A valid token of another realm, or without the role: 403.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3">RFC 6750 §3</a>
 */
@Provider
@AdminApi
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthFilter implements ContainerRequestFilter {

  private static final String CHALLENGE = "Bearer realm=\"admin\"";

  @Inject AccessTokenVerifier verifier;
  @Inject AdminCaller caller;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      request.abortWith(challenge(CHALLENGE, "a bearer token is required"));
      return;
    }
    if (header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      request.abortWith(
          challenge(CHALLENGE + ", error=\"invalid_request\"", "use the Bearer scheme"));
      return;
    }
    VerifiedToken token;
    try {
      token = verifier.verify(header.substring(7).trim(), BaseUrl.of(request.getUriInfo()));
    } catch (OAuthProblem e) {
      request.abortWith(
          challenge(CHALLENGE + ", error=\"invalid_token\"", "the access token is not valid"));
      return;
    }
    if (!RealmName.SYSTEM.equals(token.realmName()) || !token.hasRole(SystemBootstrap.ADMIN_ROLE)) {
      request.abortWith(
          Response.fromResponse(Problems.response(403, "an admin of the system realm is required"))
              .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"insufficient_scope\"")
              .build());
      return;
    }
    caller.set(token);
  }

  private static Response challenge(String header, String detail) {
    return Response.fromResponse(Problems.response(401, detail))
        .header(HttpHeaders.WWW_AUTHENTICATE, header)
        .build();
  }
}
