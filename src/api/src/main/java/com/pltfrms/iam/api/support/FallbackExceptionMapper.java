package com.pltfrms.iam.api.support;

import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything no other mapper claims. JAX-RS's own errors (404, 405, 406, 415) keep their status and
 * get a body in the vocabulary of the path's protocol. Anything else is a bug: it is logged with a
 * correlation id, and the client gets that id and nothing more.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

  @Context UriInfo uri;

  @Override
  public Response toResponse(Throwable error) {
    if (error instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      return oauthPath()
          ? OAuthProblemMapper.render(new OAuthProblem(statusError(status), reason(status)))
          : Problems.response(status, reason(status));
    }
    if (causedBy(error, OptimisticLockException.class)) {
      return Problems.response(409, "changed concurrently; reload and try again");
    }
    String id = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unhandled error " + id, error);
    return oauthPath()
        ? OAuthProblemMapper.render(
            new OAuthProblem(OAuthError.SERVER_ERROR, "correlation id " + id))
        : Problems.response(500, "internal error; correlation id " + id);
  }

  private boolean oauthPath() {
    return uri != null && OAuthProblemMapper.isOAuthPath(uri.getPath());
  }

  private static OAuthError statusError(int status) {
    return switch (status) {
      case 404 -> OAuthError.REALM_NOT_FOUND;
      case 413 -> OAuthError.REQUEST_TOO_LARGE;
      case 415 -> OAuthError.UNSUPPORTED_MEDIA_TYPE;
      default -> status >= 500 ? OAuthError.SERVER_ERROR : OAuthError.INVALID_REQUEST;
    };
  }

  private static String reason(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known != null ? known.getReasonPhrase() : "request failed";
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
