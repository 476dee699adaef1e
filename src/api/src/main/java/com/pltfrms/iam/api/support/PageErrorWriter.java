package com.pltfrms.iam.api.support;

import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import jakarta.ws.rs.core.Response;

/**
 * Errors of the hosted pages as pages: a short HTML document naming the failure, with the hosted
 * pages' headers (a browser is on the other end, and must not be sent JSON or redirected to a
 * client that was not validated). OAuth problems keep their status and say their error code.
 */
final class PageErrorWriter implements ErrorWriter {

  @Override
  public ErrorReply oauthProblem(OAuthProblem problem) {
    return page(problem.error().status(), problem.error().code() + ": " + problem.description());
  }

  @Override
  public ErrorReply status(int status, String detail) {
    return page(status, detail);
  }

  private static ErrorReply page(int status, String detail) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "Error " + status : status + " " + known.getReasonPhrase();
    String body =
        "<h1>"
            + Html.escape(title)
            + "</h1>\n<p class=\"error\" id=\"reason\"><code>"
            + Html.escape(detail == null ? "" : detail)
            + "</code></p>";
    return new ErrorReply(
        status, HostedPage.TYPE, HostedPage.HEADERS, HostedPage.document("en", title, body));
  }
}
