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
   * A realm's look on its pages: a logo above the content, a footer text below it, and a style
   * sheet of the realm's own after the common one (its colours; never inline, which the policy
   * forbids). Each may be null; the values are escaped here.
   */
  public record Branding(String logoUri, String footerText, String styleSheet) {

    public static final Branding NONE = new Branding(null, null, null);
  }

  /**
   * The page in {@code language} titled {@code title} (raw: escaped here) with {@code body}
   * (already escaped HTML), answered with {@code status}.
   */
  public static Response render(int status, String language, String title, String body) {
    return render(status, language, title, body, Branding.NONE);
  }

  /** The page with a realm's {@code branding}. */
  public static Response render(
      int status, String language, String title, String body, Branding branding) {
    return secured(Response.status(status).entity(document(language, title, body, branding)))
        .build();
  }

  /** The HTML document of a page. */
  public static String document(String language, String title, String body) {
    return document(language, title, body, Branding.NONE);
  }

  /** The HTML document of a page with a realm's {@code branding}. */
  public static String document(String language, String title, String body, Branding branding) {
    StringBuilder page =
        new StringBuilder("<!DOCTYPE html>\n<html lang=\"")
            .append(Html.escape(language))
            .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>")
            .append(Html.escape(title))
            .append("</title>\n<link rel=\"stylesheet\" href=\"")
            .append(STYLE_SHEET)
            .append("\">\n");
    if (branding.styleSheet() != null) {
      page.append("<link rel=\"stylesheet\" href=\"")
          .append(Html.escape(branding.styleSheet()))
          .append("\">\n");
    }
    page.append("</head>\n<body>\n<main>\n");
    if (branding.logoUri() != null) {
      page.append("<img class=\"brand\" alt=\"\" src=\"")
          .append(Html.escape(branding.logoUri()))
          .append("\">\n");
    }
    page.append(body).append("\n</main>\n");
    if (branding.footerText() != null) {
      page.append("<footer>").append(Html.escape(branding.footerText())).append("</footer>\n");
    }
    return page.append("</body>\n</html>\n").toString();
  }

  /** The hosted pages' headers on any response builder, redirects included. */
  public static Response.ResponseBuilder secured(Response.ResponseBuilder response) {
    response.type(TYPE);
    HEADERS.forEach(h -> response.header(h.name(), h.value()));
    return response;
  }
}
