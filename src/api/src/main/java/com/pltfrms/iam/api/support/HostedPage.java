package com.pltfrms.iam.api.support;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * One hosted page: a complete HTML document around a body that its caller built from escaped
 * values, and the headers every hosted page sends, error pages included. The policy allows the
 * page's own style sheet and script from this server and nothing inline, no frames around it
 * ({@code frame-ancestors 'none'}), no plug-ins, no base-URI games; the page is never cached and
 * sends no referrer.
 */
public final class HostedPage {

  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self' https: data:; script-src 'self';"
          + " form-action 'self' https: http:; frame-ancestors 'none'; base-uri 'none'";

  public static final String STYLE_SHEET = "/assets/hosted.css";

  public static final String TYPE = MediaType.TEXT_HTML + ";charset=UTF-8";

  /** The headers of every hosted page. */
  public static final List<ErrorReply.Header> HEADERS =
      List.of(
          new ErrorReply.Header("Content-Security-Policy", CONTENT_SECURITY_POLICY),
          new ErrorReply.Header("X-Content-Type-Options", "nosniff"),
          new ErrorReply.Header("Referrer-Policy", "no-referrer"),
          new ErrorReply.Header("X-Frame-Options", "DENY"),
          new ErrorReply.Header("Cache-Control", "no-store"),
          new ErrorReply.Header("Pragma", "no-cache"));

  private HostedPage() {}

  /**
   * The page in {@code language} titled {@code title} (raw: escaped here) with {@code body}
   * (already escaped HTML), answered with {@code status}.
   */
  public static Response render(int status, String language, String title, String body) {
    return secured(Response.status(status).entity(document(language, title, body))).build();
  }

  /** The HTML document of a page. */
  public static String document(String language, String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\""
        + Html.escape(language)
        + "\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>"
        + Html.escape(title)
        + "</title>\n<link rel=\"stylesheet\" href=\""
        + STYLE_SHEET
        + "\">\n</head>\n<body>\n<main>\n"
        + body
        + "\n</main>\n</body>\n</html>\n";
  }

  /** The hosted pages' headers on any response builder, redirects included. */
  public static Response.ResponseBuilder secured(Response.ResponseBuilder response) {
    response.type(TYPE);
    HEADERS.forEach(h -> response.header(h.name(), h.value()));
    return response;
  }
}
