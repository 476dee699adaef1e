package com.pltfrms.iam.api.support;

import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The one place an OAuth error becomes a response: status from {@link OAuthError}, the JSON body of
 * RFC 6749 §5.2, {@code Cache-Control: no-store}, and for {@code invalid_client} after HTTP Basic a
 * {@code WWW-Authenticate: Basic} challenge.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>
 */
@Provider
public class OAuthProblemMapper implements ExceptionMapper<OAuthProblem> {

  @Override
  public Response toResponse(OAuthProblem problem) {
    return render(problem);
  }

  /** Whether a request path belongs to an OAuth endpoint, whose errors use this vocabulary. */
  public static boolean isOAuthPath(String path) {
    return path != null && path.contains("/oauth2/");
  }

  public static Response render(OAuthProblem problem) {
    OAuthError error = problem.error();
    JsonObjectBuilder body = Json.createObjectBuilder().add("error", error.code());
    if (problem.description() != null) {
      body.add("error_description", problem.description());
    }
    body.add("error_uri", error.uri());
    Response.ResponseBuilder response =
        Response.status(error.status())
            .type(MediaType.APPLICATION_JSON_TYPE)
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .header("Pragma", "no-cache")
            .entity(body.build());
    if (error == OAuthError.INVALID_CLIENT && problem.basicAuthAttempted()) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oauth\", charset=\"UTF-8\"");
    }
    return response.build();
  }
}
